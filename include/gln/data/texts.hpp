#ifndef GLN_DATA_TEXTS_HPP
#define GLN_DATA_TEXTS_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/enum_traits.hpp"
#include "../core/enums.hpp"

// The plain-language text of every rule, for the person (docs/knowledge.md §11): the same content
// as the professional reason, said simply, in the second person, with what to do. A text is a
// gist set in a frame that names the action for its kind of finding; under clinician
// supervision every gist is set in the frame that defers to the prescriber. Message keys, for
// translation: `<rule id>.patient` (the gist), `patient.frame.<frame>` (a frame, "{text}"
// standing for the gist), `verdict.<verdict>` (the plain verdict labels). gln ships English.

// X(frame, "name", "frame text")
#define GLN_PATIENT_FRAMES(X)                                                \
  X(do_not_take, "do_not_take", "{text} Do not take glutamine on your own.") \
  X(ask_doctor, "ask_doctor", "{text} Ask your doctor first.")               \
  X(pharmacist, "pharmacist", "{text} Check with a pharmacist.")             \
  X(take_less, "take_less", "Take less: {text}")                             \
  X(not_checked, "not_checked", "We could not check this: {text}")           \
  X(note, "note", "{text}")

#define GLN_DETAIL_FRAME_ENUMERATOR(frame, name, text) GLN_DETAIL_ENUMERATOR(frame, name)
#define GLN_DETAIL_FRAME_NAME(frame, name, text) GLN_DETAIL_ENUM_NAME(frame, name)
#define GLN_DETAIL_FRAME_TEXT(frame, name, text) GLN_DETAIL_TEXT(text),

GLN_BEGIN_NAMESPACE

// How a patient text ends (or begins): the action for its kind of finding (docs/knowledge.md §11).
enum class patient_frame : std::uint8_t { GLN_PATIENT_FRAMES(GLN_DETAIL_FRAME_ENUMERATOR) };
template <>
struct enum_traits<patient_frame> {
  static constexpr std::string_view names[] = {GLN_PATIENT_FRAMES(GLN_DETAIL_FRAME_NAME)};
  static constexpr std::size_t count = sizeof(names) / sizeof(names[0]);
};

// One rule's plain-language text: its gist (a template with the reason's placeholders) and
// the frame it is set in when the use is self-directed.
struct patient_text_row {
  gln::rule id{};
  patient_frame frame{};
  std::string_view gist;
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// The frames, indexed by patient_frame.
inline constexpr std::array<std::string_view, enum_count<patient_frame>> patient_frames{
    {GLN_PATIENT_FRAMES(GLN_DETAIL_FRAME_TEXT)}};

// Under clinician supervision the text defers to the prescriber (docs/knowledge.md §11).
inline constexpr std::string_view supervised_frame = "Your doctor should know: {text}"sv;

// The longest a composed patient text may be: a CDS Hooks card summary, a phone screen.
inline constexpr std::size_t patient_text_limit = 140;

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// A plain initializer (a lambda's return would copy every row in every includer's compiler),
// in a namespace of its own that holds the short names it is laid out with.
// clang-format off
namespace patient_texts_table {  // the short names that lay the table out, kept out of data::
using r = gln::rule;
using f = patient_frame;
inline constexpr std::array<patient_text_row, enum_count<gln::rule>> patient_texts{{
    {r::input_invalid, f::not_checked,
     "a value you entered is missing, impossible or out of range."sv},
    {r::contra_hepatic_encephalopathy, f::do_not_take,
     "Glutamine adds ammonia to the body, which can worsen confusion caused by liver disease."sv},
    {r::contra_hepatic_failure, f::do_not_take,
     "With liver failure, ammonia from glutamine can build up in your body."sv},
    {r::contra_cirrhosis, f::do_not_take,
     "With cirrhosis (advanced liver disease), ammonia from glutamine can build up."sv},
    {r::contra_liver_disease, f::ask_doctor,
     "With liver disease, glutamine is not for use without a doctor."sv},
    {r::contra_severe_kidney_disease, f::do_not_take,
     "In very ill patients, glutamine did the most harm to those whose kidneys were failing."sv},
    {r::contra_kidney_disease, f::ask_doctor,
     "Kidney disease needs monitoring if you take glutamine."sv},
    {r::contra_multiorgan_failure, f::do_not_take,
     "When several organs are failing, high doses of glutamine raised the risk of death."sv},
    {r::contra_shock, f::do_not_take,
     "Glutamine product labels rule out use during shock."sv},
    {r::contra_reyes_syndrome, f::do_not_take,
     "With Reye's syndrome, ammonia from glutamine can build up."sv},
    {r::contra_metabolic_acidosis, f::do_not_take,
     "Critical-care guidance lists glutamine as unsafe with metabolic acidosis."sv},
    {r::caution_cancer, f::ask_doctor,
     "With cancer, your cancer team decides about glutamine."sv},
    {r::caution_cancer_treatment, f::ask_doctor,
     "It is not known how glutamine mixes with cancer, hormone or hydroxyurea treatment."sv},
    {r::caution_pregnancy, f::ask_doctor,
     "There is no data on glutamine in pregnancy."sv},
    {r::caution_breastfeeding, f::ask_doctor,
     "There is no data on glutamine in breast milk."sv},
    {r::caution_recent_icu_stay, f::ask_doctor,
     "After a recent stay in intensive care, pause and let your care team decide."sv},
    {r::caution_sepsis, f::ask_doctor,
     "With sepsis, your care team decides your nutrition; glutamine harmed some very ill "
     "patients."sv},
    {r::caution_neurologic_symptoms, f::ask_doctor,
     "New confusion or nerve symptoms need a diagnosis first: glutamine becomes substances "
     "that act on the brain."sv},
    {r::caution_seizure_disorder, f::ask_doctor,
     "Glutamine may affect seizure control and seizure medicines (this is not proven)."sv},
    {r::caution_bipolar_disorder, f::ask_doctor,
     "Mania has been reported with glutamine in bipolar disorder."sv},
    {r::caution_lactulose, f::ask_doctor,
     "Ammonia from glutamine may work against lactulose, which lowers ammonia."sv},
    {r::caution_msg_sensitivity, f::ask_doctor,
     "People sensitive to MSG may react to glutamine."sv},
    {r::caution_other_prescription, f::pharmacist,
     "Adding an amino acid such as glutamine to prescription medicines should be checked."sv},
    {r::caution_supplement_stack, f::pharmacist,
     "Your other supplements may also contain glutamine; use one product at a time."sv},
    {r::caution_minor, f::ask_doctor,
     "Children should not take glutamine without a doctor; for children it is a prescription."sv},
    {r::caution_age_unknown, f::not_checked,
     "your age was not given, so we cannot rule out a child, and children need a doctor."sv},
    {r::purpose_clinician_managed, f::ask_doctor,
     "This use of glutamine is medical nutrition, run by a treating team."sv},
    {r::purpose_critical_with_organ_failure, f::do_not_take,
     "In very ill patients with organ failure, glutamine caused harm."sv},
    {r::purpose_sickle_cell_age, f::ask_doctor,
     "Glutamine's safety is not established under {sickle_cell_min_age_years} years of age."sv},
    {r::purpose_short_bowel_needs_gh, f::ask_doctor,
     "For short bowel syndrome, glutamine is approved only with growth hormone; alone it did "
     "not help."sv},
    {r::purpose_ibs_other_causes, f::ask_doctor,
     "Many gut symptoms have causes glutamine will not fix; get yours checked."sv},
    {r::input_conditions_unknown, f::not_checked,
     "we did not know your health conditions, so we could not look for reasons to avoid it."sv},
    {r::input_medications_unknown, f::not_checked,
     "we did not know your medicines, so we could not look for interactions. Ask a pharmacist."sv},
    {r::input_conditions_unmapped, f::not_checked,
     "some of your recorded conditions are unknown to us. A pharmacist or doctor should review "
     "them."sv},
    {r::input_weight_stale, f::note,
     "Your weight on record is {weight_age_days} days old, so it was not used to choose a dose."sv},
    {r::dose_no_self_directed_range, f::ask_doctor,
     "There is no dose for using glutamine this way without a doctor."sv},
    {r::dose_per_dose_above_range, f::take_less,
     "each dose is more than this use calls for."sv},
    {r::dose_daily_above_range, f::take_less,
     "the daily amount is more than this use calls for."sv},
    {r::dose_duration_above_range, f::ask_doctor,
     "The plan runs longer than this use calls for."sv},
    {r::dose_per_dose_large, f::take_less,
     "each dose is more than {split_dose_above} g; split it across the day."sv},
    {r::dose_gi_effects_likely, f::note,
     "From {gi_effects_daily} g a day, bloating, nausea or gas are more likely."sv},
    {r::dose_above_observed_safe_level, f::take_less,
     "this is more than {observed_safe_level} g a day, the amount seen to be safe."sv},
    {r::dose_above_self_directed_ceiling, f::take_less,
     "more than {self_directed_daily_ceiling} g a day is too much without a doctor."sv},
    {r::dose_above_adult_maximum, f::take_less,
     "more than {adult_maximum_daily} g a day is above the adult maximum without a doctor."sv},
    {r::dose_child_per_kg, f::take_less,
     "for a child this is more than {child_per_kg_limit} g per kilogram of body weight a day."sv},
    {r::dose_child_per_kg_label_band, f::note,
     "The labelled dose for this weight is above the usual child limit of "
     "{child_per_kg_limit} g per kilogram a day."sv},
    {r::dose_critical_per_kg, f::take_less,
     "in serious illness or injury this is more than {critical_per_kg_limit} g per kilogram a "
     "day."sv},
    {r::dose_label_band_mismatch, f::ask_doctor,
     "This is not the labelled dose for your weight, taken twice a day."sv},
    {r::dose_weight_needed, f::not_checked,
     "this dose depends on body weight, and no current weight was given."sv},
}};
}  // namespace patient_texts_table
using patient_texts_table::patient_texts;
// clang-format on

// The plain labels of the verdicts (docs/knowledge.md §11), indexed by verdict; key
// `verdict.<verdict>`.
inline constexpr std::array<std::string_view, enum_count<verdict>> verdict_labels{
    "OK to try"sv, "OK with care"sv, "Ask your doctor first"sv, "Do not take"sv};

// The plain labels of the actions an app shows (assess()); key `action.<action>`. The labels
// that are verdicts' are the verdicts' (knowledge.md §11); not_recommended has its own.
inline constexpr std::array<std::string_view, enum_count<action>> action_labels{
    "OK to try"sv, "OK with care"sv, "Not recommended"sv, "Ask your doctor first"sv,
    "Do not take"sv};

}  // namespace data

// The plain label of a verdict: "OK to try", "OK with care", "Ask your doctor first", "Do not
// take"; an empty view for a value outside the enum.
constexpr std::string_view plain_label(verdict v) noexcept {
  return is_valid(v) ? data::verdict_labels[index_of(v)] : std::string_view{};
}

// The plain label of an action: "OK to try", "OK with care", "Not recommended", "Ask your doctor
// first", "Do not take"; an empty view for a value outside the enum.
constexpr std::string_view plain_label(action a) noexcept {
  return is_valid(a) ? data::action_labels[index_of(a)] : std::string_view{};
}

GLN_END_NAMESPACE

#endif  // GLN_DATA_TEXTS_HPP
