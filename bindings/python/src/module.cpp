// gln._gln, the compiled half of the Python package gln (bindings/python/gln/__init__.py is the
// other half: the enums, the docstrings, the public names). Every argument is read by the JSON
// adapter's request rules (values.hpp), so a bad one raises gln.InputError naming the field as
// a request's error would; every result is the adapter's to_json of the C++ result, turned
// into Python objects, so it has exactly the shape gln-check writes.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <pybind11/pybind11.h>
#include <gln/json.hpp>
#include <gln/json/parse.hpp>

#include "arguments.hpp"
#include "batch.hpp"
#include "values.hpp"

namespace gln_python {
namespace {

using json = nlohmann::ordered_json;  // keys in the order the adapter writes them

// Recursive over the adapter's JSON, a few levels deep.
// NOLINTNEXTLINE(misc-no-recursion)
py::object to_python(const json& j) {
  switch (j.type()) {
    case json::value_t::boolean: return py::bool_(j.get<bool>());
    case json::value_t::number_integer: return py::int_(j.get<std::int64_t>());
    case json::value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case json::value_t::number_float: return py::float_(j.get<double>());
    case json::value_t::string: {
      const std::string& text = j.get_ref<const std::string&>();
      return py::reinterpret_steal<py::object>(
          PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace"));
    }
    case json::value_t::array: {
      py::list out(j.size());
      std::size_t i = 0;
      for (const json& item : j) out[i++] = to_python(item);
      return std::move(out);
    }
    case json::value_t::object: {
      py::dict out;
      for (auto it = j.begin(); it != j.end(); ++it) out[py::str(it.key())] = to_python(it.value());
      return std::move(out);
    }
    default: return py::none();  // null (binary and discarded values are never written)
  }
}

// A result of the library as the JSON adapter writes it.
template <class Result>
py::object result(const Result& value) {
  return to_python(json(value));
}

std::string_view utf8(const py::str& text, std::string_view field) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (data == nullptr) {
    PyErr_Clear();
    raise_input_error(field, "text that is not valid Unicode (a lone surrogate)");
  }
  return {data, static_cast<std::size_t>(size)};
}

// A text argument of a look-up; its UTF-8 lives as long as the caller's argument.
std::string_view text_argument(py::handle value, std::string_view field) {
  if (!py::isinstance<py::str>(value)) raise_input_error(field, "must be a str");
  return utf8(py::reinterpret_borrow<py::str>(value), field);
}

// A name argument of a look-up, trimmed as the request rules trim names.
template <class E>
E name_argument(py::handle value, std::string_view field, std::string_view what) {
  if (!py::isinstance<py::str>(value)) raise_input_error(field, "must be a name");
  const std::string_view name = gln::detail::trim_name(text_argument(value, field));
  if (const auto parsed = gln::parse<E>(name)) return *parsed;
  gln::request_error error{field, "unknown "};
  error.append(what).append(" ").append_quoted(name);
  raise_input_error({}, error);
}

// A number argument, held to the request rules' numbers: finite, never a boolean.
double number_argument(py::handle value, std::string_view field) {
  value_tree tree;
  const value_tree::index root = tree.add_root();
  try {
    tree.set(root, value);
  } catch (const conversion_error& error) {
    raise_input_error(field, error.message);
  }
  const value_tree::node& n = tree[root];
  if (n.kind != json_kind::number) raise_input_error(field, "must be a number");
  if (!std::isfinite(n.number)) {
    gln::request_error error{field, ""};
    error.append_quoted(tree.text_of(n)).append(" is not a finite number");
    raise_input_error({}, error);
  }
  return n.number;
}

py::object answer(py::handle value) {
  call_arguments in;
  if (py::isinstance<py::str>(value) || py::isinstance<py::bytes>(value)) {
    // JSON text: read as gln-check --batch reads a line (duplicate keys, NUL bytes and
    // trailing bytes refused).
    std::string_view text;
    if (py::isinstance<py::str>(value)) {
      text = text_argument(value, {});
    } else {
      char* data = nullptr;
      Py_ssize_t size = 0;
      if (PyBytes_AsStringAndSize(value.ptr(), &data, &size) != 0) throw py::error_already_set();
      text = std::string_view(data, static_cast<std::size_t>(size));
    }
    static gln::request_parser parser;  // used under the GIL only
    if (const auto error = parser.parse(text, in.read_request())) raise_input_error({}, *error);
  } else {
    in.request(value);
  }
  in.require();
  const gln::request& r = in.read_request();
  // The envelope as gln-check writes it: the assessment, each finding with the request's
  // codes behind it.
  py::object envelope = to_python(gln::envelope_json(r, gln::answer_json<json>(r, gln::assess(r))));
  // The id as gln-check writes it: its text, which Python reads exactly (nlohmann would make
  // an integer beyond 64 bits a float).
  envelope["id"] = py::module_::import("json").attr("loads")(r.id);
  return envelope;
}

template <class E>
py::list names_of(const gln::enum_set<E>& set) {
  py::list out;
  for (const E value : set) out.append(py::str(std::string(gln::to_string(value))));
  return out;
}

// The enums, for gln/__init__.py: for each, its members' identifiers (the C++ enumerators)
// and stable names, in enumerator order.
using member = std::pair<std::string_view, std::string_view>;
#define GLN_PYTHON_MEMBER(enumerator, name) member{#enumerator, name},
#define GLN_PYTHON_KNOB_MEMBER(id, ...) member{#id, #id},

template <class E, std::size_t N>
constexpr bool same_names(const member (&members)[N]) noexcept {
  if (N != gln::enum_count<E>) return false;
  for (std::size_t i = 0; i < N; ++i) {
    if (members[i].second != gln::enum_traits<E>::names[i]) return false;
  }
  return true;
}

template <class E, std::size_t N>
void add_enum(py::dict& out, const char* name, const member (&members)[N]) {
  py::list list;
  for (const member& m : members) {
    list.append(py::make_tuple(std::string(m.first), std::string(m.second)));
  }
  out[name] = list;
}

#define GLN_PYTHON_ENUM(out, type, LIST)                                   \
  do {                                                                     \
    static constexpr member members[] = {LIST(GLN_PYTHON_MEMBER)};         \
    static_assert(same_names<gln::type>(members), #type ": names differ"); \
    add_enum<gln::type>(out, #type, members);                              \
  } while (false)

py::dict enum_members() {
  py::dict out;
  GLN_PYTHON_ENUM(out, purpose, GLN_PURPOSES);
  GLN_PYTHON_ENUM(out, condition, GLN_CONDITIONS);
  GLN_PYTHON_ENUM(out, medication, GLN_MEDICATIONS);
  GLN_PYTHON_ENUM(out, verdict, GLN_VERDICTS);
  GLN_PYTHON_ENUM(out, evidence_grade, GLN_EVIDENCE_GRADES);
  GLN_PYTHON_ENUM(out, oversight, GLN_OVERSIGHTS);
  GLN_PYTHON_ENUM(out, source_kind, GLN_SOURCE_KINDS);
  GLN_PYTHON_ENUM(out, source, GLN_SOURCES);
  GLN_PYTHON_ENUM(out, rule, GLN_RULES);
  GLN_PYTHON_ENUM(out, input_field, GLN_INPUT_FIELDS);
  GLN_PYTHON_ENUM(out, outcome, GLN_OUTCOMES);
  GLN_PYTHON_ENUM(out, dose_access, GLN_DOSE_ACCESSES);
  GLN_PYTHON_ENUM(out, plan_status, GLN_PLAN_STATUSES);
  GLN_PYTHON_ENUM(out, action, GLN_ACTIONS);
  GLN_PYTHON_ENUM(out, dose_status, GLN_DOSE_STATUSES);
  GLN_PYTHON_ENUM(out, code_system, GLN_CODE_SYSTEMS);
  GLN_PYTHON_ENUM(out, lookup_status, GLN_LOOKUP_STATUSES);
  GLN_PYTHON_ENUM(out, code_role, GLN_CODE_ROLES);
  static constexpr member knobs[] = {GLN_POLICY_KNOBS(GLN_PYTHON_KNOB_MEMBER)};
  static_assert(same_names<gln::policy_knob>(knobs), "policy_knob: names differ");
  add_enum<gln::policy_knob>(out, "policy_knob", knobs);
  return out;
}

}  // namespace
}  // namespace gln_python

PYBIND11_MODULE(_gln, m) {
  using namespace gln_python;  // NOLINT(google-build-using-namespace): the module's own names
  m.doc() = "The compiled part of the Python package gln; import gln instead.";

  const py::handle input_error = PyErr_NewExceptionWithDoc(
      "gln.InputError",
      "A bad argument: a ValueError whose `field` names it by its path in a request "
      "(\"regimen.grams_per_dose\", \"conditions[2]\"; None for a request as a whole), "
      "`message` says what is wrong, and `row` is the batch row (None outside a batch).",
      PyExc_ValueError, nullptr);
  if (!input_error) throw py::error_already_set();
  set_input_error_type(input_error);
  m.attr("InputError") = input_error;

  m.attr("version") = std::string(gln::version);
  m.attr("knowledge_version") = gln::knowledge_version;
  m.attr("knowledge_review_date") = std::string(gln::knowledge_review_date);
  m.def("enum_members", &enum_members);

  m.def("screen", [](py::handle profile, py::handle purpose, py::handle policy) {
    call_arguments in;
    in.profile(profile);
    in.purpose(purpose);
    in.policy(policy);
    in.require();
    return result(gln::screen(in.person(), in.purpose(), in.rules()));
  });
  m.def("check_dose",
        [](py::handle profile, py::handle purpose, py::handle regimen, py::handle policy) {
          call_arguments in;
          in.profile(profile);
          in.purpose(purpose);
          in.regimen(regimen);
          in.policy(policy);
          in.require(true);
          return result(gln::check_dose(in.person(), in.purpose(), in.plan(), in.rules()));
        });
  m.def("dose_for", [](py::handle profile, py::handle purpose, py::handle policy) {
    call_arguments in;
    in.profile(profile);
    in.purpose(purpose);
    in.policy(policy);
    in.require();
    return result(gln::dose_for(in.person(), in.purpose(), in.rules()));
  });
  m.def("evidence_for", [](py::handle purpose) {
    call_arguments in;
    in.purpose(purpose);
    in.require();
    return result(gln::evidence_for(in.purpose()));
  });
  m.def("plan_trial", [](py::handle profile, py::handle purpose, py::handle policy) {
    call_arguments in;
    in.profile(profile);
    in.purpose(purpose);
    in.policy(policy);
    in.require();
    return result(gln::plan_trial(in.person(), in.purpose(), in.rules()));
  });
  m.def("assess",
        [](py::handle profile, py::handle purpose, py::handle regimen, py::handle policy) {
          call_arguments in;
          in.profile(profile);
          in.purpose(purpose);
          if (!regimen.is_none()) in.regimen(regimen);
          in.policy(policy);
          in.require();
          if (in.has_plan()) {
            return result(gln::assess(in.person(), in.purpose(), in.plan(), in.rules()));
          }
          return result(gln::assess(in.person(), in.purpose(), in.rules()));
        });
  m.def("answer", &answer);
  m.def("effective_policy", [](py::handle policy) {
    call_arguments in;
    in.policy(policy, false);  // it says which knobs apply, so it reads those that do not too
    return result(gln::effective(in.rules()));
  });

  m.def("icd10_lookup",
        [](py::handle code) { return result(gln::icd10_lookup(text_argument(code, "code"))); });
  m.def("code_lookup", [](py::handle system, py::handle code) {
    return result(gln::code_lookup(text_argument(system, "system"), text_argument(code, "code")));
  });
  m.def("conditions_from_icd10", [](py::handle code) {
    return names_of(gln::conditions_from_icd10(text_argument(code, "code")));
  });
  m.def("condition_from_icd10", [](py::handle code) -> py::object {
    const auto found = gln::condition_from_icd10(text_argument(code, "code"));
    if (!found) return py::none();
    return py::str(std::string(gln::to_string(*found)));
  });
  m.def("ingredient_in_display", [](py::handle display) {
    return result(gln::ingredient_in_display(text_argument(display, "display")));
  });
  m.def("glutamine_brand_in", [](py::handle text) {
    return result(gln::glutamine_brand_in(text_argument(text, "text")));
  });
  m.def("names_glutamine",
        [](py::handle text) { return gln::names_glutamine(text_argument(text, "text")); });
  m.def("weight_in_kilograms",
        [](py::handle value, py::handle ucum_code, py::handle unit_text) -> py::object {
          // None: no UCUM code, or no unit text.
          const auto text_or_none = [](py::handle text, std::string_view field) {
            return text.is_none() ? std::string_view{} : text_argument(text, field);
          };
          const auto kg = gln::weight_in_kilograms(number_argument(value, "value"),
                                                   text_or_none(ucum_code, "ucum_code"),
                                                   text_or_none(unit_text, "unit_text"));
          if (!kg) return py::none();
          return py::float_(kg->value());
        });
  m.def("kilograms_from_pounds", [](py::handle pounds) {
    return gln::kilograms::from_pounds(number_argument(pounds, "pounds")).value();
  });
  m.def("source_info", [](py::handle source) {
    return result(gln::source_info(name_argument<gln::source>(source, "source", "source")));
  });
  // A verdict's label or an action's, as C++'s two overloads give them: the two enums share
  // no name (a test checks).
  m.def("plain_label", [](py::handle verdict) {
    if (!py::isinstance<py::str>(verdict)) raise_input_error("verdict", "must be a name");
    const std::string_view name = gln::detail::trim_name(text_argument(verdict, "verdict"));
    if (const auto action = gln::parse<gln::action>(name)) {
      return std::string(gln::plain_label(*action));
    }
    if (const auto parsed = gln::parse<gln::verdict>(name)) {
      return std::string(gln::plain_label(*parsed));
    }
    gln::request_error error{"verdict", "unknown verdict or action "};
    error.append_quoted(name);
    raise_input_error({}, error);
  });

  m.def("screen_batch", &screen_batch);
}
