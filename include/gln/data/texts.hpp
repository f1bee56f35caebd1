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
#define GLN_DETAIL_FRAME_TEXT(frame, name, text) std::string_view{text},

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

// The frames, indexed by patient_frame.
inline constexpr std::array<std::string_view, enum_count<patient_frame>> patient_frames{
    {GLN_PATIENT_FRAMES(GLN_DETAIL_FRAME_TEXT)}};

// Under clinician supervision the text defers to the prescriber (docs/knowledge.md §11).
inline constexpr std::string_view supervised_frame = "Your doctor should know: {text}";

// The longest a composed patient text may be: a CDS Hooks card summary, a phone screen.
inline constexpr std::size_t patient_text_limit = 140;

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// Built by a lambda so that the short names used to lay the table out stay inside it.
// clang-format off
inline constexpr std::array<patient_text_row, enum_count<gln::rule>> patient_texts = [] {
  using r = gln::rule;
  using f = patient_frame;
  return std::array<patient_text_row, enum_count<gln::rule>>{{
    {r::input_invalid, f::not_checked,
     "a value you entered is missing, impossible or out of range."},
    {r::contra_hepatic_encephalopathy, f::do_not_take,
     "Glutamine adds ammonia to the body, which can worsen confusion caused by liver disease."},
    {r::contra_hepatic_failure, f::do_not_take,
     "With liver failure, ammonia from glutamine can build up in your body."},
    {r::contra_cirrhosis, f::do_not_take,
     "With cirrhosis (advanced liver disease), ammonia from glutamine can build up."},
    {r::contra_liver_disease, f::ask_doctor,
     "With liver disease, glutamine is not for use without a doctor."},
    {r::contra_severe_kidney_disease, f::do_not_take,
     "In very ill patients, glutamine did the most harm to those whose kidneys were failing."},
    {r::contra_kidney_disease, f::ask_doctor,
     "Kidney disease needs monitoring if you take glutamine."},
    {r::contra_multiorgan_failure, f::do_not_take,
     "When several organs are failing, high doses of glutamine raised the risk of death."},
    {r::contra_shock, f::do_not_take,
     "Glutamine product labels rule out use during shock."},
    {r::contra_reyes_syndrome, f::do_not_take,
     "With Reye's syndrome, ammonia from glutamine can build up."},
    {r::contra_metabolic_acidosis, f::do_not_take,
     "Critical-care guidance lists glutamine as unsafe with metabolic acidosis."},
    {r::caution_cancer, f::ask_doctor,
     "With cancer, your cancer team decides about glutamine."},
    {r::caution_cancer_treatment, f::ask_doctor,
     "It is not known how glutamine mixes with cancer, hormone or hydroxyurea treatment."},
    {r::caution_pregnancy, f::ask_doctor,
     "There is no data on glutamine in pregnancy."},
    {r::caution_breastfeeding, f::ask_doctor,
     "There is no data on glutamine in breast milk."},
    {r::caution_recent_icu_stay, f::ask_doctor,
     "After a recent stay in intensive care, pause and let your care team decide."},
    {r::caution_sepsis, f::ask_doctor,
     "With sepsis, your care team decides your nutrition; glutamine harmed some very ill "
     "patients."},
    {r::caution_neurologic_symptoms, f::ask_doctor,
     "New confusion or nerve symptoms need a diagnosis first: glutamine becomes substances "
     "that act on the brain."},
    {r::caution_seizure_disorder, f::ask_doctor,
     "Glutamine may affect seizure control and seizure medicines (this is not proven)."},
    {r::caution_bipolar_disorder, f::ask_doctor,
     "Mania has been reported with glutamine in bipolar disorder."},
    {r::caution_lactulose, f::ask_doctor,
     "Ammonia from glutamine may work against lactulose, which lowers ammonia."},
    {r::caution_msg_sensitivity, f::ask_doctor,
     "People sensitive to MSG may react to glutamine."},
    {r::caution_other_prescription, f::pharmacist,
     "Adding an amino acid such as glutamine to prescription medicines should be checked."},
    {r::caution_supplement_stack, f::pharmacist,
     "Your other supplements may also contain glutamine; use one product at a time."},
    {r::caution_minor, f::ask_doctor,
     "Children should not take glutamine without a doctor; for children it is a prescription."},
    {r::caution_age_unknown, f::not_checked,
     "your age was not given, so we cannot rule out a child, and children need a doctor."},
    {r::purpose_clinician_managed, f::ask_doctor,
     "This use of glutamine is medical nutrition, run by a treating team."},
    {r::purpose_critical_with_organ_failure, f::do_not_take,
     "In very ill patients with organ failure, glutamine caused harm."},
    {r::purpose_sickle_cell_age, f::ask_doctor,
     "Glutamine's safety is not established under {sickle_cell_min_age_years} years of age."},
    {r::purpose_short_bowel_needs_gh, f::ask_doctor,
     "For short bowel syndrome, glutamine is approved only with growth hormone; alone it did "
     "not help."},
    {r::purpose_ibs_other_causes, f::ask_doctor,
     "Many gut symptoms have causes glutamine will not fix; get yours checked."},
    {r::input_conditions_unknown, f::not_checked,
     "we did not know your health conditions, so we could not look for reasons to avoid it."},
    {r::input_medications_unknown, f::not_checked,
     "we did not know your medicines, so we could not look for interactions. Ask a pharmacist."},
    {r::input_conditions_unmapped, f::not_checked,
     "some of your recorded conditions are unknown to us. A pharmacist or doctor should review "
     "them."},
    {r::input_weight_stale, f::note,
     "Your weight on record is {weight_age_days} days old, so it was not used to choose a dose."},
    {r::dose_no_self_directed_range, f::ask_doctor,
     "There is no dose for using glutamine this way without a doctor."},
    {r::dose_per_dose_above_range, f::take_less,
     "each dose is more than this use calls for."},
    {r::dose_daily_above_range, f::take_less,
     "the daily amount is more than this use calls for."},
    {r::dose_duration_above_range, f::ask_doctor,
     "The plan runs longer than this use calls for."},
    {r::dose_per_dose_large, f::take_less,
     "each dose is more than {split_dose_above} g; split it across the day."},
    {r::dose_gi_effects_likely, f::note,
     "From {gi_effects_daily} g a day, bloating, nausea or gas are more likely."},
    {r::dose_above_observed_safe_level, f::take_less,
     "this is more than {observed_safe_level} g a day, the amount seen to be safe."},
    {r::dose_above_self_directed_ceiling, f::take_less,
     "more than {self_directed_daily_ceiling} g a day is too much without a doctor."},
    {r::dose_above_adult_maximum, f::take_less,
     "more than {adult_maximum_daily} g a day is above the adult maximum without a doctor."},
    {r::dose_child_per_kg, f::take_less,
     "for a child this is more than {child_per_kg_limit} g per kilogram of body weight a day."},
    {r::dose_child_per_kg_label_band, f::note,
     "The labelled dose for this weight is above the usual child limit of "
     "{child_per_kg_limit} g per kilogram a day."},
    {r::dose_critical_per_kg, f::take_less,
     "in serious illness or injury this is more than {critical_per_kg_limit} g per kilogram a "
     "day."},
    {r::dose_label_band_mismatch, f::ask_doctor,
     "This is not the labelled dose for your weight, taken twice a day."},
    {r::dose_weight_needed, f::not_checked,
     "this dose depends on body weight, and no current weight was given."},
  }};
}();
// clang-format on

// The plain labels of the verdicts (docs/knowledge.md §11), indexed by verdict; key
// `verdict.<verdict>`.
inline constexpr std::array<std::string_view, enum_count<verdict>> verdict_labels{
    "OK to try", "OK with care", "Ask your doctor first", "Do not take"};

// The plain labels of the actions an app shows (assess()); key `action.<action>`. The labels
// that are verdicts' are the verdicts' (knowledge.md §11); not_recommended has its own.
inline constexpr std::array<std::string_view, enum_count<action>> action_labels{
    "OK to try", "OK with care", "Not recommended", "Ask your doctor first", "Do not take"};

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
