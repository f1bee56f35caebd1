#ifndef GLN_JSON_REQUEST_HPP
#define GLN_JSON_REQUEST_HPP

// The request an app sends to gln as JSON, and the one set of rules that reads it. The rules
// are written once, over a small interface to a JSON value; <gln/json/parse.hpp> feeds them
// the bytes of a request through simdjson (strict: duplicate keys, NUL bytes and trailing
// bytes are errors), and <gln/json.hpp> feeds them an nlohmann/json document (from_json).
// Needs only gln itself: the single header (scripts/amalgamate.py) or <gln/gln.hpp>.
//
// A request is one JSON object; every key is optional and may be null:
//   id               a string, an integer of any length, or null: echoed byte for byte
//   age_years        number or null (absent or null: unknown)
//   weight_kg        number or null
//   weight_age_days  whole number or null (absent or null: the weight is current)
//   conditions       array of condition names; absent: none; null: unknown
//   medications      array of medication names; absent: none; null: unknown
//   icd10            array of ICD-10-CM codes; null: the conditions are unknown
//   codes            array of {"system": uri, "code": text}; null: conditions and
//                    medications unknown
//   oversight        a name, or null for the default (self_directed)
//   purpose          a name, or null
//   regimen          {"grams_per_dose": number, "doses_per_day": whole number or null (1),
//                     "weeks": number or null}, or null
//   policy           {"<knob id>": number or null, ...}, or null; a knob whose value
//                    gln::effective() would put back to its default (a looser value, zero or
//                    a negative where lower is stricter) is an error naming the knob: an
//                    answer under the default would answer another question than the one sent
// Names are trimmed of surrounding white space. An error names the field by its path:
// "regimen.grams_per_dose", "conditions[2]", "codes[1].system".

#ifndef GLN_GLN_HPP
#include <gln/gln.hpp>
#endif

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gln {

// A code of a request's `codes` array, as given (trimmed).
struct request_coding {
  code_system system = code_system::icd10_cm;
  std::string code;

  bool operator==(const request_coding& other) const {
    return system == other.system && code == other.code;
  }
};

// A request as gln read it.
struct request {
  std::string id = "null";  // the id's JSON text, as written
  gln::profile person{};
  std::optional<gln::purpose> purpose;
  std::optional<gln::regimen> plan;
  gln::policy rules{};                // the knobs given; effective() applies them
  std::uint32_t policy_given = 0;     // one bit per gln::policy_knob given
  std::vector<std::string> icd10;     // as given, trimmed
  std::vector<request_coding> codes;  // as given, trimmed
  // The keys given as null (unknown), so the echo can say so: person.conditions_known and
  // person.medications_known are false when one of them is set.
  bool conditions_null = false;
  bool medications_null = false;
  bool icd10_null = false;
  bool codes_null = false;
  // The well-formed codes gln holds no entry for (knowledge.md §2): ICD-10-CM codes of
  // `icd10` and the entries of `codes`, in request order. Those of condition systems count in
  // person.unmapped_conditions; an unmapped drug code is an other_prescription.
  std::vector<std::string> unmapped_icd10;
  std::vector<request_coding> unmapped_codes;

  bool knob_given(policy_knob knob) const noexcept {
    return (policy_given >> index_of(knob) & 1U) != 0;
  }
};

static_assert(enum_count<policy_knob> <= 32, "request::policy_given holds one bit per knob");

// Why a request was refused: the field, by its path ("regimen.grams_per_dose"; empty for the
// request as a whole), and what is wrong. Held in a fixed buffer: making one never allocates,
// so it can report running out of memory.
class request_error {
 public:
  static constexpr std::size_t capacity = 383;

  request_error() noexcept = default;
  request_error(std::string_view field, std::string_view message) noexcept {
    append(field);
    end_field();
    append(message);
  }

  // "regimen.grams_per_dose: must be a number"
  std::string_view text() const noexcept { return {chars_.data(), size_}; }
  std::string_view field() const noexcept { return {chars_.data(), field_size_}; }
  std::string_view message() const noexcept {
    return {chars_.data() + message_start_, size_ - message_start_};
  }
  const char* c_str() const noexcept { return chars_.data(); }

  // Building a message (the reader's own use).
  request_error& append(std::string_view more) noexcept {
    for (char ch : more) put(ch);
    return *this;
  }
  request_error& append_number(std::size_t value) noexcept {
    std::array<char, 24> digits{};
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + value % 10U);
      value /= 10U;
    } while (value != 0);
    while (count > 0) put(digits[--count]);
    return *this;
  }
  // Ends the field's path; what is appended next is the message.
  request_error& end_field() noexcept {
    field_size_ = size_;
    if (field_size_ > 0) append(": ");
    message_start_ = size_;
    return *this;
  }
  // 'text' in single quotes, control, quote, backslash and non-ASCII bytes as \xNN, cut after
  // 60 characters: safe in a one-line message whatever the input held.
  request_error& append_quoted(std::string_view text) noexcept {
    constexpr std::size_t max_shown = 60;
    put('\'');
    std::size_t shown = 0;
    for (char ch : text) {
      if (shown == max_shown) {
        append("...");
        break;
      }
      const auto byte = static_cast<unsigned char>(ch);
      if (byte < 0x20 || byte >= 0x7F || ch == '\'' || ch == '\\') {
        constexpr std::string_view hex = "0123456789ABCDEF";
        append("\\x");
        put(hex[byte >> 4U]);
        put(hex[byte & 0xFU]);
      } else {
        put(ch);
      }
      ++shown;
    }
    put('\'');
    return *this;
  }

 private:
  void put(char ch) noexcept {
    if (size_ < capacity) chars_[size_++] = ch;
    chars_[size_] = '\0';
  }

  std::array<char, capacity + 1> chars_{};
  std::size_t size_ = 0;
  std::size_t field_size_ = 0;
  std::size_t message_start_ = 0;
};

// What gln says about a request: every entry point, with the request's policy.
struct request_answer {
  gln::screening screening;
  gln::dose_guidance dose;
  std::optional<gln::dose_check> check;  // when the request has a regimen
  gln::evidence evidence;
  gln::trial_plan plan;
  verdict overall = verdict::avoid;  // the dose check's if any, else the screening's
};

namespace detail {

// The length of the JSON number (RFC 8259 §6) at the start of `text`, and of its exponent's
// digits; {0, 0} where `text` starts with none. A number is the whole token only when
// `length == text.size()`.
struct json_number_scan {
  std::size_t length = 0;
  std::size_t exponent_digits = 0;
};
constexpr json_number_scan scan_json_number(std::string_view text) noexcept {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (i >= text.size() || text[i] < '1' || text[i] > '9' || digits() == 0) {
    return {};
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0) return {};
  }
  std::size_t exponent_digits = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    exponent_digits = digits();
    if (exponent_digits == 0) return {};
  }
  return {i, exponent_digits};
}

// Whether `token` is exactly one JSON number.
constexpr bool is_json_number(std::string_view token) noexcept {
  return !token.empty() && scan_json_number(token).length == token.size();
}

// The text of a value the strict readers refuse (NaN, .5, tru), to name in the error; empty
// where no value stands (a comma or a bracket where one was due), which is bad JSON.
constexpr std::string_view nameable_value(std::string_view raw) noexcept {
  return raw.empty() || raw.find_first_of(",:]}") == 0 ? std::string_view{} : raw;
}

// What a number that is no double is: 1e999 is JSON but too large; 01, 1. and -Infinity are
// not JSON numbers at all.
constexpr std::string_view bad_number_message(bool json_number) noexcept {
  return json_number ? " is not a finite number" : " is not a JSON number";
}

// The request's purpose; without one, a value outside the enum, which every entry point
// refuses (input.invalid, avoid).
inline gln::purpose purpose_of(const request& r) noexcept {
  return r.purpose.value_or(static_cast<gln::purpose>(0xFF));
}

// No knob given: the default policy itself, which the entry points apply as it stands.
inline const policy& policy_of(const request& r) noexcept {
  return r.policy_given == 0 ? default_policy : r.rules;
}

}  // namespace detail

// Every entry point's own result for a request, with the request's policy. The request's
// purpose must be set; without one every entry point fails closed (input.invalid, avoid).
inline request_answer answer(const request& r) noexcept {
  const gln::purpose p = detail::purpose_of(r);
  const policy& rules = detail::policy_of(r);
  request_answer a{};
  a.screening = screen(r.person, p, rules);
  a.dose = dose_for(r.person, p, rules);
  if (r.plan) a.check = check_dose(r.person, p, *r.plan, rules);
  a.evidence = evidence_for(p);
  a.plan = plan_trial(r.person, p, rules);
  a.overall = a.check ? a.check->overall : a.screening.overall;
  return a;
}

// The one answer for a request: gln::assess with its profile, purpose, regimen and policy. This
// is the answer of the envelope (gln-check --json and --batch). Without a purpose it fails
// closed (input.invalid, do_not_take).
inline assessment assess(const request& r) noexcept {
  const gln::purpose p = detail::purpose_of(r);
  const policy& rules = detail::policy_of(r);
  return r.plan ? gln::assess(r.person, p, *r.plan, rules) : gln::assess(r.person, p, rules);
}

namespace detail {

// The kinds of JSON value the request rules tell apart.
enum class json_kind : std::uint8_t { null, boolean, number, string, array, object };

constexpr bool is_json_space(char ch) noexcept {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

constexpr std::string_view trim_name(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// An integer in JSON's grammar: an optional minus, then 0 or digits without a leading zero.
constexpr bool is_json_integer(std::string_view text) noexcept {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty() || (text.front() == '0' && text.size() > 1)) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

// The keys of a request, in the order the echo writes them.
#define GLN_DETAIL_REQUEST_KEYS(X) \
  X(id)                            \
  X(age_years)                     \
  X(weight_kg)                     \
  X(weight_age_days)               \
  X(conditions) X(medications) X(icd10) X(codes) X(oversight) X(purpose) X(regimen) X(policy)

enum class request_key : std::uint8_t {
#define GLN_DETAIL_KEY_ENUMERATOR(name) name,
  GLN_DETAIL_REQUEST_KEYS(GLN_DETAIL_KEY_ENUMERATOR)
#undef GLN_DETAIL_KEY_ENUMERATOR
};

inline constexpr std::array<std::string_view, 12> request_key_names{
#define GLN_DETAIL_KEY_NAME(name) std::string_view{#name},
    GLN_DETAIL_REQUEST_KEYS(GLN_DETAIL_KEY_NAME)
#undef GLN_DETAIL_KEY_NAME
};
#undef GLN_DETAIL_REQUEST_KEYS

inline constexpr std::array<std::string_view, 3> regimen_key_names{"grams_per_dose",
                                                                   "doses_per_day", "weeks"};
inline constexpr std::array<std::string_view, 2> coding_key_names{"system", "code"};

template <std::size_t N>
constexpr std::size_t find_key(const std::array<std::string_view, N>& names,
                               std::string_view key) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == key) return i;
  }
  return N;
}

// Where the reader is: at most three levels (a key, an index, a key), e.g. codes[1].system.
struct field_path {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::string_view key;
  std::size_t index = npos;
  std::string_view subkey;

  constexpr field_path() noexcept = default;
  constexpr explicit field_path(std::string_view k, std::size_t i = npos,
                                std::string_view sub = {}) noexcept
      : key(k), index(i), subkey(sub) {}

  field_path at(std::size_t i) const noexcept { return field_path{key, i}; }
  field_path dot(std::string_view sub) const noexcept { return field_path{key, index, sub}; }
};

enum class code_effect : std::uint8_t { added, malformed, not_a_fact };

constexpr std::string_view system_label(code_system system) noexcept {
  switch (system) {
    case code_system::icd10_cm: return "ICD-10-CM";
    case code_system::snomed_ct: return "SNOMED CT";
    case code_system::rxnorm: return "RxNorm";
    case code_system::atc: return "ATC";
    case code_system::loinc: return "LOINC";
    case code_system::ndc: return "NDC";
    case code_system::ucum: return "UCUM";
  }
  return "";
}

constexpr bool is_drug_system(code_system system) noexcept {
  return system == code_system::rxnorm || system == code_system::atc || system == code_system::ndc;
}

// One code of a request (knowledge.md §2, §2b): a mapped code adds its conditions and
// medication classes (a glutamine product is a supplement_stack); a well-formed unmapped code
// is listed, and counts as a condition gln could not check, or for a drug code system as an
// other_prescription; a malformed code, or a code that names an observation or a unit rather
// than a fact about the person, is refused and changes nothing. `code` is trimmed.
inline code_effect add_code(request& out, code_system system, std::string_view code,
                            bool from_icd10) {
  const code_match match = code_lookup(system, code);
  if (match.status == lookup_status::malformed) return code_effect::malformed;
  if (match.status == lookup_status::system_not_held) return code_effect::malformed;
  if (match.status == lookup_status::unmapped) {
    // A LOINC code other than an answer (LA...) is a question, whatever its code: never a
    // condition gln does not map.
    if (system == code_system::loinc && code.substr(0, 2) != "LA") return code_effect::not_a_fact;
    if (is_drug_system(system)) {
      out.person.medications.insert(medication::other_prescription);
    } else if (out.person.unmapped_conditions < 0xFFFF) {
      ++out.person.unmapped_conditions;
    }
    if (from_icd10) {
      out.unmapped_icd10.emplace_back(code);
    } else {
      out.unmapped_codes.push_back(request_coding{system, std::string(code)});
    }
  } else {
    switch (match.role) {
      case code_role::body_weight:
      case code_role::pregnancy_status:
      case code_role::weight_unit: return code_effect::not_a_fact;
      default: break;
    }
    out.person.conditions = out.person.conditions | match.conditions;
    out.person.medications = out.person.medications | match.medications;
    if (match.glutamine) out.person.medications.insert(medication::supplement_stack);
  }
  if (from_icd10) {
    out.icd10.emplace_back(code);
  } else {
    out.codes.push_back(request_coding{system, std::string(code)});
  }
  return code_effect::added;
}

// The rules, over a JSON source. A Source provides, for its `value` type (each value is read
// once, in document order):
//   bool kind(value&, json_kind&)
//   bool string(value&, std::string_view&)                 a string's text, unescaped
//   bool number(value&, double&, std::string_view& raw)    a finite number and its text
//   bool id_text(value&, std::string_view&)                a string's or integer's JSON text
//   bool fields(value&, F)   F(std::string_view key, value&) -> bool, for every member,
//                            duplicates included, in document order
//   bool elements(value&, F) F(value&) -> bool, for every element
//   std::string_view error() the last failure of the source itself (bad JSON)
//   std::string_view bad_value() the text of the last value kind() or number() found not to
//                            be JSON (NaN, 01: the text's own source only), or empty
// Each returns false when the JSON is bad or F returned false.
template <class Source>
class request_reader {
 public:
  using value = typename Source::value;

  request_reader(Source& source, request& out, request_error& error) noexcept
      : source_(source), out_(out), error_(error) {}

  // The whole request; false with the error set.
  bool read(value& top) {
    json_kind kind{};
    if (!source_.kind(top, kind)) return bad_json({});
    if (kind != json_kind::object) return fail({}, "a request must be a JSON object");
    std::uint32_t seen = 0;
    const bool ok = source_.fields(top, [&](std::string_view key, value& v) {
      const std::size_t which = find_key(request_key_names, key);
      if (which == request_key_names.size()) return unknown_key({}, key, "");
      const field_path path{request_key_names[which]};
      if ((seen >> which & 1U) != 0) return fail(path, "duplicate key");
      seen |= 1U << which;
      return read_member(static_cast<request_key>(which), path, v);
    });
    if (!ok) return failed_or_bad_json({});
    return true;
  }

  // The members a profile has; false for a key that is not one (the caller reports it).
  static bool is_profile_key(std::string_view key) noexcept {
    const std::size_t which = find_key(request_key_names, key);
    if (which == request_key_names.size()) return false;
    switch (static_cast<request_key>(which)) {
      case request_key::age_years:
      case request_key::weight_kg:
      case request_key::weight_age_days:
      case request_key::conditions:
      case request_key::medications:
      case request_key::icd10:
      case request_key::codes:
      case request_key::oversight: return true;
      default: return false;
    }
  }

  // One object of the keys listed in `allowed` (a profile, say): the same rules.
  template <class Allowed>
  bool read_object_of(value& top, Allowed allowed, std::string_view what) {
    json_kind kind{};
    if (!source_.kind(top, kind)) return bad_json({});
    if (kind != json_kind::object) return fail({}, what);
    std::uint32_t seen = 0;
    const bool ok = source_.fields(top, [&](std::string_view key, value& v) {
      const std::size_t which = find_key(request_key_names, key);
      if (which == request_key_names.size() || !allowed(key)) return unknown_key({}, key, "");
      const field_path path{request_key_names[which]};
      if ((seen >> which & 1U) != 0) return fail(path, "duplicate key");
      seen |= 1U << which;
      return read_member(static_cast<request_key>(which), path, v);
    });
    if (!ok) return failed_or_bad_json({});
    return true;
  }

  bool read_regimen_object(value& v) { return read_regimen({}, v); }
  // `every_knob_applies` false: a knob effective() would not apply is read as given (for an
  // app that asks which of its values apply, as Python's effective_policy does).
  bool read_policy_object(value& v, bool every_knob_applies = true) {
    return read_policy({}, v) && (!every_knob_applies || every_knob_applied({}));
  }

 private:
  bool read_member(request_key key, const field_path& path, value& v) {
    switch (key) {
      case request_key::id: return read_id(path, v);
      case request_key::age_years: return read_number_or_null(path, v, out_.person.age_years);
      case request_key::weight_kg: {
        gln::optional<double> kg;
        if (!read_number_or_null(path, v, kg)) return false;
        out_.person.weight_kg.reset();
        if (kg) out_.person.weight_kg = kilograms{*kg};
        return true;
      }
      case request_key::weight_age_days:
        return read_whole_or_null(path, v, out_.person.weight_age_days);
      case request_key::conditions:
        return read_names(path, v, out_.person.conditions, out_.conditions_null, "condition");
      case request_key::medications:
        return read_names(path, v, out_.person.medications, out_.medications_null, "medication");
      case request_key::icd10: return read_icd10(path, v);
      case request_key::codes: return read_codes(path, v);
      case request_key::oversight: {
        std::optional<gln::oversight> o;
        if (!read_name_or_null(path, v, o, "oversight")) return false;
        out_.person.oversight = o.value_or(gln::oversight::self_directed);
        return true;
      }
      case request_key::purpose: return read_name_or_null(path, v, out_.purpose, "purpose");
      case request_key::regimen: return read_regimen(path, v);
      case request_key::policy: return read_policy(path, v);
    }
    return fail(path, "unknown key");
  }

  bool read_id(const field_path& path, value& v) {
    json_kind kind{};
    if (!source_.kind(v, kind)) return bad_json(path);
    if (kind == json_kind::null) {
      out_.id = "null";
      return true;
    }
    if (kind != json_kind::string && kind != json_kind::number) {
      return fail(path, "must be a string, an integer or null");
    }
    std::string_view text;
    if (!source_.id_text(v, text)) return bad_json(path);
    if (kind == json_kind::number && !is_json_number(text)) {
      begin(path).append_quoted(text).append(bad_number_message(false));
      return false;
    }
    if (kind == json_kind::number && !is_json_integer(text)) {
      return fail(path, "must be a string, an integer or null");
    }
    out_.id.assign(text.data(), text.size());
    return true;
  }

  // null: kind is null (and `v` consumed); else the value must be of kind `want`.
  bool kind_or_null(const field_path& path, value& v, json_kind want, bool& is_null,
                    std::string_view message) {
    json_kind kind{};
    if (!source_.kind(v, kind)) return bad_json(path);
    is_null = kind == json_kind::null;
    if (!is_null && kind != want) return fail(path, message);
    return true;
  }

  bool read_finite(const field_path& path, value& v, double& number) {
    std::string_view raw;
    if (!source_.number(v, number, raw) || !std::isfinite(number)) {
      if (raw.empty()) return bad_json(path);
      // The source names a token that is no JSON number (01, 0x10) in bad_value().
      begin(path).append_quoted(raw).append(
          detail::bad_number_message(source_.bad_value().empty()));
      return false;
    }
    return true;
  }

  bool read_number_or_null(const field_path& path, value& v, gln::optional<double>& out) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::number, is_null, "must be a number or null")) {
      return false;
    }
    out.reset();
    if (is_null) return true;
    double number = 0;
    if (!read_finite(path, v, number)) return false;
    out = number;
    return true;
  }

  bool read_whole(const field_path& path, value& v, int& out) {
    double number = 0;
    if (!read_finite(path, v, number)) return false;
    if (std::trunc(number) != number || number < -2147483648.0 || number > 2147483647.0) {
      return fail(path, "must be a whole number (that fits 32 bits)");
    }
    out = static_cast<int>(number);
    return true;
  }

  bool read_whole_or_null(const field_path& path, value& v, gln::optional<int>& out) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::number, is_null, "must be a whole number or null")) {
      return false;
    }
    out.reset();
    if (is_null) return true;
    int number = 0;
    if (!read_whole(path, v, number)) return false;
    out = number;
    return true;
  }

  template <class E>
  bool name_of(const field_path& path, value& v, E& out, std::string_view what) {
    std::string_view text;
    if (!source_.string(v, text)) return bad_json(path);
    const auto parsed = gln::parse<E>(trim_name(text));
    if (!parsed) {
      begin(path).append("unknown ").append(what).append(" ").append_quoted(text);
      return false;
    }
    out = *parsed;
    return true;
  }

  template <class E>
  bool read_name_or_null(const field_path& path, value& v, std::optional<E>& out,
                         std::string_view what) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::string, is_null, "must be a name or null")) {
      return false;
    }
    out.reset();
    if (is_null) return true;
    E parsed{};
    if (!name_of(path, v, parsed, what)) return false;
    out = parsed;
    return true;
  }

  // An array of names, or null for unknown.
  template <class E>
  bool read_names(const field_path& path, value& v, enum_set<E>& out, bool& given_null,
                  std::string_view what) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::array, is_null, "must be an array of names or null")) {
      return false;
    }
    if (is_null) {
      given_null = true;
      update_known();
      return true;
    }
    std::size_t index = 0;
    const bool ok = source_.elements(v, [&](value& item) {
      const field_path at = path.at(index++);
      json_kind kind{};
      if (!source_.kind(item, kind)) return bad_json(at);
      if (kind != json_kind::string) return fail(at, "must be a name");
      E parsed{};
      if (!name_of(at, item, parsed, what)) return false;
      out.insert(parsed);
      return true;
    });
    return ok || failed_or_bad_json(path.at(index == 0 ? 0 : index - 1));
  }

  // Unknown is not none (knowledge.md §4): a null list of conditions or of codes that may
  // name them makes them unknown.
  void update_known() noexcept {
    out_.person.conditions_known = !(out_.conditions_null || out_.icd10_null || out_.codes_null);
    out_.person.medications_known = !(out_.medications_null || out_.codes_null);
  }

  bool apply_code(const field_path& where, code_system system, std::string_view code,
                  bool from_icd10) {
    switch (add_code(out_, system, code, from_icd10)) {
      case code_effect::added: return true;
      case code_effect::malformed:
        begin(where).append("malformed ").append(system_label(system)).append(" code ");
        error_.append_quoted(code);
        return false;
      case code_effect::not_a_fact:
        return fail(where,
                    "names an observation or a unit, not a condition or medication: give its "
                    "value (weight_kg, conditions)");
    }
    return fail(where, "a code system gln does not hold");
  }

  bool read_icd10(const field_path& path, value& v) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::array, is_null,
                      "must be an array of ICD-10-CM codes or null")) {
      return false;
    }
    if (is_null) {
      out_.icd10_null = true;
      update_known();
      return true;
    }
    std::size_t index = 0;
    const bool ok = source_.elements(v, [&](value& item) {
      const field_path at = path.at(index++);
      json_kind kind{};
      if (!source_.kind(item, kind)) return bad_json(at);
      if (kind != json_kind::string) return fail(at, "must be an ICD-10-CM code");
      std::string_view text;
      if (!source_.string(item, text)) return bad_json(at);
      return apply_code(at, code_system::icd10_cm, trim_name(text), true);
    });
    return ok || failed_or_bad_json(path.at(index == 0 ? 0 : index - 1));
  }

  bool read_codes(const field_path& path, value& v) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::array, is_null,
                      "must be an array of {\"system\", \"code\"} objects or null")) {
      return false;
    }
    if (is_null) {
      out_.codes_null = true;
      update_known();
      return true;
    }
    std::size_t index = 0;
    const bool ok = source_.elements(v, [&](value& item) {
      const field_path at = path.at(index++);
      return read_coding(at, item);
    });
    return ok || failed_or_bad_json(path.at(index == 0 ? 0 : index - 1));
  }

  bool read_coding(const field_path& at, value& item) {
    json_kind kind{};
    if (!source_.kind(item, kind)) return bad_json(at);
    if (kind != json_kind::object) return fail(at, "must be a {\"system\", \"code\"} object");
    std::string system_text;  // the URI is checked once the code is read too
    std::string code_text;
    std::uint32_t seen = 0;
    const bool ok = source_.fields(item, [&](std::string_view key, value& member) {
      const std::size_t which = find_key(coding_key_names, key);
      if (which == coding_key_names.size()) return unknown_key(at, key, "");
      const field_path sub = at.dot(coding_key_names[which]);
      if ((seen >> which & 1U) != 0) return fail(sub, "duplicate key");
      seen |= 1U << which;
      json_kind member_kind{};
      if (!source_.kind(member, member_kind)) return bad_json(sub);
      if (member_kind != json_kind::string) return fail(sub, "must be a string");
      std::string_view text;
      if (!source_.string(member, text)) return bad_json(sub);
      (which == 0 ? system_text : code_text).assign(text.data(), text.size());
      return true;
    });
    if (!ok) return failed_or_bad_json(at);
    if ((seen & 1U) == 0) return fail(at.dot("system"), "is required");
    if ((seen & 2U) == 0) return fail(at.dot("code"), "is required");
    const std::string_view uri = trim_name(system_text);
    std::optional<code_system> system;
    for (std::size_t i = 0; i < enum_count<code_system>; ++i) {
      if (enum_traits<code_system>::names[i] == uri) system = static_cast<code_system>(i);
    }
    if (!system) {
      begin(at.dot("system")).append("a code system gln does not hold: ").append_quoted(uri);
      return false;
    }
    if (*system == code_system::ucum) {
      return fail(at.dot("system"), "UCUM codes are units, not conditions or medications");
    }
    return apply_code(at.dot("code"), *system, trim_name(code_text), false);
  }

  bool read_regimen(const field_path& path, value& v) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::object, is_null, "must be an object or null")) {
      return false;
    }
    if (is_null) {
      out_.plan.reset();
      return true;
    }
    gln::regimen plan{};
    std::uint32_t seen = 0;
    const bool ok = source_.fields(v, [&](std::string_view key, value& member) {
      const std::size_t which = find_key(regimen_key_names, key);
      if (which == regimen_key_names.size()) return unknown_key(path, key, "");
      const field_path sub = path.key.empty() ? field_path{regimen_key_names[which]}
                                              : path.dot(regimen_key_names[which]);
      if ((seen >> which & 1U) != 0) return fail(sub, "duplicate key");
      seen |= 1U << which;
      if (which == 0) {
        bool grams_null = false;
        if (!kind_or_null(sub, member, json_kind::number, grams_null, "must be a number")) {
          return false;
        }
        if (grams_null) return fail(sub, "must be a number");
        double grams_per_dose = 0;
        if (!read_finite(sub, member, grams_per_dose)) return false;
        plan.per_dose = grams{grams_per_dose};
        return true;
      }
      if (which == 1) {
        gln::optional<int> doses;
        if (!read_whole_or_null(sub, member, doses)) return false;
        plan.doses_per_day = doses.value_or(1);
        return true;
      }
      return read_number_or_null(sub, member, plan.weeks);
    });
    if (!ok) return failed_or_bad_json(path);
    if ((seen & 1U) == 0) {
      return fail(path.key.empty() ? field_path{"grams_per_dose"} : path.dot("grams_per_dose"),
                  "is required");
    }
    out_.plan = plan;
    return true;
  }

  bool read_policy(const field_path& path, value& v) {
    bool is_null = false;
    if (!kind_or_null(path, v, json_kind::object, is_null, "must be an object or null")) {
      return false;
    }
    out_.rules = gln::policy{};
    out_.policy_given = 0;
    if (is_null) return true;
    std::uint32_t seen = 0;
    const bool ok = source_.fields(v, [&](std::string_view key, value& member) {
      const auto knob = gln::parse<policy_knob>(key);
      if (!knob) return unknown_key(path, key, "a policy knob");
      const std::string_view name = to_string(*knob);
      const field_path sub = path.key.empty() ? field_path{name} : path.dot(name);
      const std::uint32_t bit = 1U << index_of(*knob);
      if ((seen & bit) != 0) return fail(sub, "duplicate key");
      seen |= bit;
      gln::optional<double> number;
      if (!read_number_or_null(sub, member, number)) return false;
      if (!number) return true;
      if (!set_knob_value(out_.rules, *knob, *number)) {
        const bool on_off = describe(*knob).unit == unit::on_off;
        return fail(sub, on_off ? "must be 1 (on) or 0 (off)"
                                : "must be a whole number (that fits 32 bits)");
      }
      out_.policy_given |= bit;
      return true;
    });
    if (!ok) return failed_or_bad_json(path);
    return path.key.empty() || every_knob_applied(path);
  }

  // Whether gln::effective() keeps every knob given under `path` (a later day past the day it
  // may not pass counts as kept: it is stricter still); else an error naming the first knob it
  // would put back to its default.
  bool every_knob_applied(const field_path& path) noexcept {
    const policy in_force = effective(out_.rules);
    for (const knob_info& knob : data::policy_knobs) {
      if ((out_.policy_given & (1U << index_of(knob.id))) == 0) continue;
      const double asked = knob_value(out_.rules, knob.id);
      if (detail::same_number(asked, knob.default_value) ||
          !detail::same_number(knob_value(in_force, knob.id), knob.default_value)) {
        continue;
      }
      // A step-up day past the review day in force: the review decides first, whichever. Past
      // largest_stricter_value effective() puts the default back, as for the other knobs.
      if (knob.at_most && asked > knob_value(in_force, *knob.at_most) &&
          asked <= detail::largest_stricter_value) {
        continue;
      }
      const std::string_view name = to_string(knob.id);
      request_error& error =
          begin(path.key.empty() ? field_path{name} : path.dot(name))
              .append("not applied: a policy only tightens, and a stricter value is ")
              .append(to_string(knob.stricter))
              .append(" than the default ");
      std::array<char, 32> number{};
      std::size_t size = 0;
      detail::put_number(knob.default_value, number.data(), number.size(), size);
      error.append({number.data(), size}).append(" ").append(to_string(knob.unit));
      switch (knob.stricter) {
        case direction::lower:
        case direction::earlier:
        case direction::shorter: error.append(" and above 0"); break;
        case direction::higher:
        case direction::longer:
        case direction::later: error.append(" and at most 1000000"); break;
        default: break;
      }
      return false;
    }
    return true;
  }

  // Starts a new error at `path`: what is appended next is the message.
  request_error& begin(const field_path& path) noexcept {
    error_ = request_error{};
    write_path(path);
    failed_ = true;
    return error_.end_field();
  }

  void write_path(const field_path& path) noexcept {
    error_.append(path.key);
    if (path.index != field_path::npos) error_.append("[").append_number(path.index).append("]");
    if (!path.subkey.empty()) error_.append(path.key.empty() ? "" : ".").append(path.subkey);
  }

  bool fail(const field_path& path, std::string_view message) noexcept {
    begin(path).append(message);
    return false;
  }

  // The path names the key as given, escaped: regimen.'grams': unknown key.
  bool unknown_key(const field_path& parent, std::string_view key, std::string_view what) {
    error_ = request_error{};
    write_path(parent);
    if (!parent.key.empty() || !parent.subkey.empty()) error_.append(".");
    error_.append_quoted(key).end_field().append("unknown key");
    if (!what.empty()) error_.append(" (not ").append(what).append(")");
    failed_ = true;
    return false;
  }

  bool bad_json(const field_path& path) noexcept {
    const std::string_view bad = source_.bad_value();
    if (!bad.empty()) {
      begin(path).append_quoted(bad).append(" is not a JSON value");
    } else {
      begin(path).append("bad JSON: ").append(source_.error());
    }
    return false;
  }

  // After a source call that returned false: the rules' own error, else bad JSON here.
  bool failed_or_bad_json(const field_path& path) noexcept {
    if (failed_) return false;
    return bad_json(path);
  }

  Source& source_;
  request& out_;
  request_error& error_;
  bool failed_ = false;
};

}  // namespace detail

// Adds an ICD-10-CM code to a request as its "icd10" array would (a command line's codes, say):
// no value when it was added, else the error, which names the field `field`.
inline std::optional<request_error> add_icd10(request& out, std::string_view code,
                                              std::string_view field = "icd10") {
  const std::string_view trimmed = detail::trim_name(code);
  if (detail::add_code(out, code_system::icd10_cm, trimmed, true) == detail::code_effect::added) {
    return std::nullopt;
  }
  request_error error{field, "malformed ICD-10-CM code "};
  error.append_quoted(trimmed);
  return error;
}

// A code of a request as the request gave it: an entry of its "icd10" array (from_icd10) or of
// its "codes". A view into the request.
struct request_code {
  code_system system = code_system::icd10_cm;
  std::string_view code;
  bool from_icd10 = false;
};

// The request's codes behind a finding, so its why goes down to the code: those that map to
// the condition or medication class of its cause (a glutamine product to supplement_stack);
// for input.conditions_unmapped the condition codes gln holds no entry for; for
// other_prescription also the drug codes gln holds no entry for (knowledge.md §2, §2b). In
// request order, "icd10" first; empty for a finding whose cause no code gave.
inline std::vector<request_code> codes_behind(const request& r, const finding& f) {
  std::vector<request_code> out;
  const gln::optional<gln::condition> c = f.cause.which_condition();
  const gln::optional<gln::medication> m = f.cause.which_medication();
  const bool unmapped_conditions = f.rule == gln::rule::input_conditions_unmapped;
  if (!c && !m && !unmapped_conditions) return out;
  const auto visit = [&](code_system system, std::string_view code, bool from_icd10) {
    const code_match match = code_lookup(system, code);
    bool behind = false;
    if (match.status == lookup_status::unmapped) {
      behind = detail::is_drug_system(system) ? m == medication::other_prescription
                                              : unmapped_conditions;
    } else if (match.mapped()) {
      behind = (c && match.conditions.contains(*c)) ||
               (m && (match.medications.contains(*m) ||
                      (match.glutamine && *m == medication::supplement_stack)));
    }
    if (behind) out.push_back(request_code{system, code, from_icd10});
  };
  for (const std::string& code : r.icd10) visit(code_system::icd10_cm, code, true);
  for (const request_coding& coding : r.codes) visit(coding.system, coding.code, false);
  return out;
}

}  // namespace gln

#endif  // GLN_JSON_REQUEST_HPP
