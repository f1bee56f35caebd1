#ifndef GLN_DATA_SOURCES_HPP
#define GLN_DATA_SOURCES_HPP

#include <array>
#include <cstddef>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
#include "../core/precondition.hpp"

// Every source of docs/knowledge.md §1, indexed by gln::source. None of §1 is marked
// "(verify)", so every source is verified; the retracted review stays in the table so the
// "never cited" invariant has something to check.
GLN_BEGIN_NAMESPACE
namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// A plain initializer (a lambda's return would copy every row in every includer's compiler),
// in a namespace of its own that holds the short names it is laid out with.
namespace sources_table {  // the short names that lay the table out, kept out of data::
using sk = source_kind;
using src = gln::source;
inline constexpr std::array<citation, enum_count<gln::source>> sources{{
    {src::endari_label, sk::regulatory_label,
     "Endari (L-glutamine oral powder) prescribing information, Emmaus Medical; FDA approval "
     "7 Jul 2017, NDA 208587; contraindications: none"sv,
     2017, ""sv, ""sv, "NDA 208587"sv, true, false},
    {src::nutrestore_label, sk::regulatory_label,
     "NutreStore (L-glutamine powder for oral solution) prescribing information; short bowel "
     "syndrome with recombinant human growth hormone"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::dipeptiven_label, sk::regulatory_label,
     "Dipeptiven (N(2)-L-alanyl-L-glutamine) Swiss product information; max 0.5 g "
     "dipeptide/kg/day; not in shock, unresolved cardiopulmonary, renal or coagulation failure"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::shao_hathcock_2008, sk::safety_assessment,
     "Shao A, Hathcock JN. Risk assessment for the amino acids taurine, L-glutamine and "
     "L-arginine. Regul Toxicol Pharmacol 2008;50(3):376-99"sv,
     2008, "10.1016/j.yrtph.2008.01.004"sv, "18325648"sv, ""sv, true, false},
    {src::garlick_2001, sk::safety_assessment,
     "Garlick PJ. Assessment of the safety of glutamine and other amino acids. J Nutr "
     "2001;131(9 Suppl):2556S-61S"sv,
     2001, "10.1093/jn/131.9.2556S"sv, "11533313"sv, ""sv, true, false},
    {src::ziegler_1990, sk::trial,
     "Ziegler TR et al. Safety and metabolic effects of L-glutamine administration in humans. "
     "JPEN 1990;14(4 Suppl):137S-146S"sv,
     1990, "10.1177/0148607190014004201"sv, ""sv, ""sv, true, false},
    {src::nih_ods_exercise, sk::reference_database,
     "NIH Office of Dietary Supplements. Dietary Supplements for Exercise and Athletic "
     "Performance, fact sheet for health professionals (glutamine section)"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::natmed_consumer, sk::reference_database,
     "Natural Medicines (Therapeutic Research Center), consumer monograph: Glutamine"sv, 0, ""sv,
     ""sv, ""sv, true, false},
    {src::consumerlab_glutamine, sk::reference_database,
     "ConsumerLab.com, Glutamine supplements review"sv, 0, ""sv, ""sv, ""sv, true, false},
    {src::critical_care_text, sk::reference_database,
     "Critical-care nutrition textbook table of glutamine contraindications (CrCl < 25 mL/min, "
     "hepatic encephalopathy, MSG sensitivity, seizures, metabolic acidosis)"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::pediatric_oncall, sk::reference_database,
     "Pediatric Oncall drug monograph: Glutamine (contraindications: renal or liver "
     "impairment, Reye syndrome, shock, multi-organ failure; 0.25-0.5 g/kg/day in 3 doses)"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::singer_2019_espen, sk::guideline,
     "Singer P et al. ESPEN guideline on clinical nutrition in the intensive care unit. Clin "
     "Nutr 2019;38:48-79. R26 (grade B): burns > 20% body surface, enteral glutamine 0.3-0.5 "
     "g/kg/day for 10-15 days (flagged for revision by ESPEN after RE-ENERGIZE); R27 (grade "
     "0): trauma, 0.2-0.3 g/kg/day for the first 5 days, 10-15 days if wound healing is "
     "complicated; R28 (grade B): no additional enteral glutamine for other ICU patients; R29 "
     "(grade A): parenteral glutamine dipeptide shall not be given to unstable and complex ICU "
     "patients, particularly with liver and renal failure"sv,
     2019, "10.1016/j.clnu.2018.08.037"sv, ""sv, ""sv, true, false},
    {src::mcclave_2016_aspen, sk::guideline,
     "McClave SA et al. ASPEN/SCCM guidelines for nutrition support therapy in the adult "
     "critically ill patient. JPEN 2016;40:159-211 (supplemental glutamine not recommended for "
     "routine use)"sv,
     2016, "10.1177/0148607115621863"sv, ""sv, ""sv, true, false},
    {src::yarom_2019_mascc, sk::guideline,
     "Yarom N et al. MASCC/ISOO guidelines, part 1: vitamins, minerals and nutritional "
     "supplements for oral mucositis. Support Care Cancer 2019;27(10) (Suggestion: oral "
     "glutamine to prevent oral mucositis in head and neck cancer on radiotherapy with "
     "concomitant chemotherapy)"sv,
     2019, "10.1007/s00520-019-04887-x"sv, ""sv, ""sv, true, false},
    {src::heyland_2013_redoxs, sk::trial,
     "Heyland D et al. A randomized trial of glutamine and antioxidants in critically ill "
     "patients (REDOXS). N Engl J Med 2013;368:1489-97"sv,
     2013, "10.1056/NEJMoa1212722"sv, "23594003"sv, ""sv, true, false},
    {src::heyland_2022_reenergize, sk::trial,
     "Heyland DK et al. A randomized trial of enteral glutamine for treatment of burn injuries "
     "(RE-ENERGIZE). N Engl J Med 2022;387:1001-10"sv,
     2022, "10.1056/NEJMoa2203364"sv, ""sv, ""sv, true, false},
    {src::icu_dose_meta_2014, sk::meta_analysis,
     "The effect of glutamine therapy on outcomes in critically ill patients: a meta-analysis "
     "of randomized controlled trials. Crit Care 2014;18(1):R8 (18 RCTs; higher mortality in "
     "the > 0.5 g/kg/day subgroup, RR 1.18, 1.02-1.38; fewer nosocomial infections overall, RR "
     "0.85)"sv,
     2014, ""sv, ""sv, "PMC4057299"sv, true, false},
    {src::kim_kim_2017, sk::review,
     "Kim MH, Kim H. The roles of glutamine in the intestine and its implication in intestinal "
     "diseases. Int J Mol Sci 2017;18(5):1051"sv,
     2017, "10.3390/ijms18051051"sv, "28498331"sv, ""sv, true, false},
    {src::cruzat_2018, sk::review,
     "Cruzat V et al. Glutamine: metabolism and immune function, supplementation and clinical "
     "translation. Nutrients 2018;10(11):1564"sv,
     2018, "10.3390/nu10111564"sv, ""sv, ""sv, true, false},
    {src::cordova_martinez_2021, sk::trial,
     "Cordova-Martinez A et al. Effect of glutamine supplementation on muscular damage "
     "biomarkers in professional basketball players. Nutrients 2021;13(6):2073 (RCT, n=12, 6 "
     "g/day, 20 days)"sv,
     2021, "10.3390/nu13062073"sv, "34204359"sv, ""sv, true, false},
    {src::legault_2015, sk::trial,
     "Legault Z, Bagnall N, Kimmerly DS. The influence of oral L-glutamine supplementation on "
     "muscle strength recovery and soreness following unilateral knee extension eccentric "
     "exercise. Int J Sport Nutr Exerc Metab 2015;25(5):417-26 (crossover, n=16, about 21 "
     "g/day: less soreness, faster strength recovery)"sv,
     2015, ""sv, "25811544"sv, ""sv, true, false},
    {src::candow_2001, sk::trial,
     "Candow DG et al. Effect of glutamine supplementation combined with resistance training "
     "in young adults. Eur J Appl Physiol 2001;86(2):142-9 (n=31, 6 weeks: no effect on "
     "strength, lean mass or protein breakdown)"sv,
     2001, ""sv, "11822473"sv, ""sv, true, false},
    {src::performance_meta_2019, sk::meta_analysis,
     "Ramezani Ahmadi A et al. The effect of glutamine supplementation on athletic "
     "performance, body composition, and immune function: a systematic review and a "
     "meta-analysis of clinical trials. Clin Nutr 2019;38(3):1076-1091 (25 trials: no effect "
     "on performance, aerobic capacity, immune function or body composition)"sv,
     2019, ""sv, "29784526"sv, ""sv, true, false},
    {src::zhou_2019_ibs, sk::trial,
     "Zhou Q et al. Randomised placebo-controlled trial of dietary glutamine supplements for "
     "postinfectious irritable bowel syndrome. Gut 2019;68(6):996-1002 (5 g three times daily "
     "for 8 weeks, post-infectious IBS with diarrhoea)"sv,
     2019, ""sv, "30108163"sv, ""sv, true, false},
    {src::morton_2018, sk::meta_analysis,
     "Morton RW et al. A systematic review, meta-analysis and meta-regression of the effect of "
     "protein supplementation on resistance training-induced gains. Br J Sports Med "
     "2018;52(6):376-384 (benefit plateaus at about 1.6 g protein/kg/day, 95% CI up to 2.2)"sv,
     2018, ""sv, ""sv, ""sv, true, false},
    {src::combat_athletes_2024, sk::trial,
     "0.3 g/kg/day for 3 weeks raised salivary IgA and lowered URTI incidence in combat "
     "athletes. J Int Soc Sports Nutr 2024"sv,
     2024, "10.1080/15502783.2023.2300259"sv, ""sv, ""sv, true, false},
    {src::sbs_trials, sk::trial,
     "Short bowel syndrome trials: Byrne 1995 JPEN 19(4):296-302 (with growth hormone, "
     "positive); Scolapio 1997 Gastroenterology 113:1074-81 and Szkudlarek 2000 Gut 47:199 "
     "(glutamine alone, no improvement)"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::article_immune_recovery, sk::editorial,
     "\"Glutamine for Immune Recovery: Benefits, Dosage, and Who Should Avoid It\", consumer "
     "health article, 2026"sv,
     2026, ""sv, ""sv, ""sv, true, false},
    {src::article_gut_health_guide, sk::editorial,
     "\"L-Glutamine: Gut Health, Recovery, and What the Research Actually Shows\", supplement "
     "guide, 2026"sv,
     2026, ""sv, ""sv, ""sv, true, false},
    {src::article_gut_barrier_letter, sk::editorial,
     "\"L-glutamine and the gut barrier\", science newsletter letter, 20 May 2026"sv, 2026, ""sv,
     ""sv, ""sv, true, false},
    {src::article_muscle_recovery, sk::editorial,
     "\"Glutamine muscle recovery\", sports-nutrition article, 2026"sv, 2026, ""sv, ""sv, ""sv,
     true, false},
    {src::icd10cm, sk::reference_database,
     "ICD-10-CM, International Classification of Diseases, Tenth Revision, Clinical "
     "Modification; CDC/NCHS code set FY2026 (every code of docs/knowledge.md section 2 checked "
     "against it)"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::snomed_ct, sk::reference_database,
     "SNOMED CT International Edition concept identifiers, as used in VSAC value sets, OHDSI "
     "concept sets and Synthea (see terminology.md)"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::rxnorm, sk::reference_database,
     "RxNorm ingredient concepts (US National Library of Medicine)"sv, 0, ""sv, ""sv, ""sv, true,
     false},
    {src::who_atc, sk::reference_database,
     "WHO Collaborating Centre for Drug Statistics Methodology, ATC classification index "
     "(2025)"sv,
     2025, ""sv, ""sv, ""sv, true, false},
    {src::loinc, sk::reference_database,
     "LOINC codes for body weight and pregnancy status; FHIR R4 vital-signs and IPS "
     "pregnancy-status profiles; UCUM body-weight units"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::gln_policy, sk::policy,
     "gln's own conservative default where the literature gives no number; tunable in "
     "gln::policy"sv,
     0, ""sv, ""sv, ""sv, true, false},
    {src::shah_2020_retracted, sk::review,
     "Shah AM, Wang Z, Ma J. Glutamine metabolism and its role in immunity, a comprehensive "
     "review. Animals 2020;10(2):326. Retracted (Animals 2021;11(3):905); excluded from every "
     "rule, range and grade"sv,
     2020, ""sv, ""sv, ""sv, true, true},
}};
}  // namespace sources_table
using sources_table::sources;

// What source_info() gives for a value outside gln::source: no source's record, but gln's own
// responsibility (id gln_policy), marked unverified.
inline constexpr citation unknown_source{gln::source::gln_policy,
                                         source_kind::policy,
                                         "unknown source: the id is not a gln::source value"sv,
                                         0,
                                         ""sv,
                                         ""sv,
                                         ""sv,
                                         false,
                                         false};

}  // namespace data

// The full record of a source; a value outside the enum yields data::unknown_source.
constexpr const citation& source_info(gln::source id) noexcept {
  return is_valid(id) ? data::sources[index_of(id)] : data::unknown_source;
}

GLN_END_NAMESPACE

#endif  // GLN_DATA_SOURCES_HPP
