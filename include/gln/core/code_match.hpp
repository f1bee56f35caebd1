#ifndef GLN_CORE_CODE_MATCH_HPP
#define GLN_CORE_CODE_MATCH_HPP

#include "enum_set.hpp"
#include "enum_traits.hpp"
#include "enums.hpp"

// The vocabulary of code look-ups (docs/knowledge.md §2 and §2b): which code system, what the
// look-up found, and what a known code means.

// The code systems gln reads, named by their FHIR URIs.
#define GLN_CODE_SYSTEMS(X)                                \
  X(icd10_cm, "http://hl7.org/fhir/sid/icd-10-cm")         \
  X(snomed_ct, "http://snomed.info/sct")                   \
  X(rxnorm, "http://www.nlm.nih.gov/research/umls/rxnorm") \
  X(atc, "http://www.whocc.no/atc")                        \
  X(loinc, "http://loinc.org")                             \
  X(ndc, "http://hl7.org/fhir/sid/ndc")                    \
  X(ucum, "http://unitsofmeasure.org")

// What a look-up found: a code gln holds (mapped), a well-formed code of the system that gln
// has no entry for (unmapped: a real diagnosis or drug gln has no rule for, never an error), a
// text that is not a code of the system's shape (malformed), or a code system gln does not
// read, such as WHO ICD-10 (system_not_held: never guessed through another system's table).
#define GLN_LOOKUP_STATUSES(X) \
  X(mapped, "mapped")          \
  X(unmapped, "unmapped")      \
  X(malformed, "malformed")    \
  X(system_not_held, "system_not_held")

// What a mapped code names, so a reader can check it is used where it belongs (a procedure
// code in a Procedure, a substance in an AllergyIntolerance, a body-weight code in an
// Observation).
#define GLN_CODE_ROLES(X)                     \
  X(none, "none")                             \
  X(condition, "condition")                   \
  X(procedure, "procedure")                   \
  X(substance, "substance")                   \
  X(medication, "medication")                 \
  X(body_weight, "body_weight")               \
  X(pregnancy_status, "pregnancy_status")     \
  X(observation_answer, "observation_answer") \
  X(weight_unit, "weight_unit")

GLN_BEGIN_NAMESPACE

GLN_DEFINE_ENUM(code_system, GLN_CODE_SYSTEMS);
GLN_DEFINE_ENUM(lookup_status, GLN_LOOKUP_STATUSES);
GLN_DEFINE_ENUM(code_role, GLN_CODE_ROLES);

// The answer of a code look-up: status, and for a mapped code what it means.
struct code_match {
  lookup_status status = lookup_status::malformed;
  code_role role = code_role::none;
  condition_set conditions{};       // the conditions the code means (may be empty: a known code
                                    // that names none, such as a "not pregnant" answer)
  medication_set medications{};     // the medication classes of a drug code
  bool glutamine = false;           // a glutamine product (Endari's NDC, ATC A16AA03, ...)
  bool verified = true;             // false for a row docs/knowledge.md marks "(verify)"
  double kilograms_per_unit = 0.0;  // a UCUM weight unit: kilograms per unit

  constexpr bool mapped() const noexcept { return detail::same(status, lookup_status::mapped); }
};

GLN_END_NAMESPACE

#endif  // GLN_CORE_CODE_MATCH_HPP
