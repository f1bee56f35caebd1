#ifndef GLN_DATA_THRESHOLDS_HPP
#define GLN_DATA_THRESHOLDS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enum_traits.hpp"
#include "../core/enums.hpp"
#include "../core/optional.hpp"
#include "../core/precondition.hpp"
#include "../core/units.hpp"
#include "sources.hpp"

// Every policy threshold once (docs/knowledge.md §12): its id, the gln::policy member that holds
// it, the member's type, its default, its unit, the direction that is stricter, the knob it
// may not pass (or {}), and its sources. gln::policy, effective(), policy equality, the
// numbers in finding texts and the knowledge reference are all made from this one list; the
// threshold numbers appear nowhere else.
//
// Lower, earlier and shorter are stricter when smaller; higher, later and longer when larger;
// `on` and `off` name the stricter setting of a switch.
//
// X(id, policy member, type, default, unit, stricter, at most, (sources))
// clang-format off
#define GLN_POLICY_KNOBS(X)                                                                        \
  X(adult_age_years, adult_age_years, double, 18.0, years, higher, {},                             \
    (source::endari_label, source::gln_policy))                                                    \
  X(split_dose_above, split_dose_above, grams, 10.0, g, lower, {},                                 \
    (source::article_immune_recovery, source::gln_policy))                                         \
  X(self_directed_daily_ceiling, self_directed_daily_ceiling, grams, 20.0, g_per_day, lower, {},   \
    (source::garlick_2001, source::gln_policy))                                                    \
  X(observed_safe_level, observed_safe_daily, grams, 14.0, g_per_day, lower, {},                   \
    (source::shao_hathcock_2008))                                                                  \
  X(adult_maximum_daily, adult_maximum_daily, grams, 40.0, g_per_day, lower, {},                   \
    (source::natmed_consumer, source::nih_ods_exercise))                                           \
  X(child_per_kg_limit, child_max_per_kg, grams_per_kg_day, 0.65, g_per_kg_day, lower, {},         \
    (source::natmed_consumer))                                                                     \
  X(critical_per_kg_limit, critical_max_per_kg, grams_per_kg_day, 0.5, g_per_kg_day, lower, {},    \
    (source::icu_dose_meta_2014))                                                                  \
  X(max_age_years, max_age_years, double, 130.0, years, lower, {}, (source::gln_policy))           \
  X(min_weight_kg, min_weight, kilograms, 0.2, kg, higher, {}, (source::gln_policy))               \
  X(max_weight_kg, max_weight, kilograms, 700.0, kg, lower, {}, (source::gln_policy))              \
  X(max_doses_per_day, max_doses_per_day, int, 12, doses_per_day, lower, {}, (source::gln_policy)) \
  X(general_recovery_review_day, general_recovery_review_day, int, 14, days, earlier, {},          \
    (source::gln_policy))                                                                          \
  X(gut_barrier_review_day, gut_barrier_review_day, int, 14, days, earlier, {},                    \
    (source::gln_policy))                                                                          \
  X(ibs_review_day, ibs_review_day, int, 28, days, earlier, {}, (source::gln_policy))              \
  X(training_review_day, training_review_day, int, 14, days, earlier, {}, (source::gln_policy))    \
  X(step_up_day, general_recovery_step_up_day, int, 5, days, later,                                \
    policy_knob::general_recovery_review_day, (source::gln_policy))                                \
  X(require_age, require_age, bool, false, on_off, on, {}, (source::gln_policy))                   \
  X(allow_label_band_dose, allow_label_band_dose, bool, true, on_off, off, {},                     \
    (source::endari_label))                                                                        \
  X(max_weight_age_days_adult, max_weight_age_days_adult, int, 365, days, shorter, {},             \
    (source::gln_policy))                                                                          \
  X(max_weight_age_days_minor, max_weight_age_days_minor, int, 90, days, shorter, {},              \
    (source::gln_policy))                                                                          \
  X(recent_procedure_days, recent_procedure_days, int, 90, days, longer, {},                       \
    (source::gln_policy))                                                                          \
  X(recent_icu_days, recent_icu_days, int, 30, days, longer, {}, (source::gln_policy))
// clang-format on

#define GLN_DETAIL_UNPAREN(...) __VA_ARGS__
#define GLN_DETAIL_KNOB_ENUMERATOR(id, member, type, value, unit, stricter, at_most, sources) \
  GLN_DETAIL_ENUMERATOR(id, #id)
#define GLN_DETAIL_KNOB_NAME(id, member, type, value, unit, stricter, at_most, sources) \
  GLN_DETAIL_ENUM_NAME(id, #id)

GLN_BEGIN_NAMESPACE

// A knob of gln::policy, with the name docs/knowledge.md §12 gives it.
enum class policy_knob : std::uint8_t { GLN_POLICY_KNOBS(GLN_DETAIL_KNOB_ENUMERATOR) };
template <>
struct enum_traits<policy_knob> {
  static constexpr std::string_view names[] = {GLN_POLICY_KNOBS(GLN_DETAIL_KNOB_NAME)};
  static constexpr std::size_t count = sizeof(names) / sizeof(names[0]);
};

// One row of the threshold table.
struct knob_info {
  policy_knob id{};
  double default_value = 0.0;  // a switch is 1 (on) or 0 (off)
  gln::unit unit{};
  direction stricter{};
  optional<policy_knob> at_most;  // a later knob may not pass this one (step-up, review)
  citation_list sources;
};

namespace data {

#define GLN_DETAIL_KNOB_ROW(id, member, type, value, unit_, stricter_, at_most_, sources_) \
  knob_info{policy_knob::id,      double{value}, unit::unit_,                              \
            direction::stricter_, at_most_,      {GLN_DETAIL_UNPAREN sources_}},

inline constexpr std::array<knob_info, enum_count<policy_knob>> policy_knobs{
    {GLN_POLICY_KNOBS(GLN_DETAIL_KNOB_ROW)}};

#undef GLN_DETAIL_KNOB_ROW

}  // namespace data

// The row of a knob. Precondition: `id` is a policy_knob.
constexpr const knob_info& describe(policy_knob id) noexcept {
  return detail::row_at(data::policy_knobs, index_of(id));
}

GLN_END_NAMESPACE

#endif  // GLN_DATA_THRESHOLDS_HPP
