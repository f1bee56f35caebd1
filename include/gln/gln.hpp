#ifndef GLN_GLN_HPP
#define GLN_GLN_HPP

// Umbrella header: the whole public API.
#include "core/citation.hpp"
#include "core/code_match.hpp"
#include "core/enum_set.hpp"
#include "core/enum_traits.hpp"
#include "core/enums.hpp"
#include "core/finding.hpp"
#include "core/names.hpp"
#include "core/precondition.hpp"
#include "core/profile.hpp"
#include "core/text.hpp"
#include "core/units.hpp"
#include "data/codes.hpp"
#include "data/contraindications.hpp"
#include "data/doses.hpp"
#include "data/evidence.hpp"
#include "data/rules.hpp"
#include "data/sources.hpp"
#include "data/terminology.hpp"
#include "data/thresholds.hpp"
#include "data/trials.hpp"
#include "policy.hpp"
#include "rules/codes.hpp"
#include "rules/dose.hpp"
#include "rules/evidence.hpp"
#include "rules/findings.hpp"
#include "rules/screen.hpp"
#include "rules/trial.hpp"
#include "version.hpp"

#endif  // GLN_GLN_HPP
