#ifndef GLN_FHIR_HPP
#define GLN_FHIR_HPP

// gln::fhir: FHIR R4 JSON in (a Bundle or a CDS Hooks prefetch read into a gln::profile, with
// what gave each fact), FHIR R4 DetectedIssue and CDS Hooks cards out, FHIR base URLs compared
// as one server's. Needs nlohmann/json 3; the library itself stays free of dependencies.

#include "fhir/date.hpp"
#include "fhir/order.hpp"
#include "fhir/read.hpp"
#include "fhir/url.hpp"
#include "fhir/write.hpp"

#endif  // GLN_FHIR_HPP
