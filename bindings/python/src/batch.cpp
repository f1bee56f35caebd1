#include "batch.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>

#include "arguments.hpp"
#include "values.hpp"

namespace gln_python {
namespace {

using index = value_tree::index;

// Rows read and screened per release of the GIL: small enough that a chunk's tree stays in
// the cache, large enough that taking the GIL back costs nothing next to the work.
constexpr std::size_t chunk_rows = 4096;

// The columns a batch reads, by their request keys.
constexpr std::string_view column_names[] = {"age_years",  "weight_kg",   "weight_age_days",
                                             "conditions", "medications", "icd10",
                                             "codes",      "oversight",   "purpose"};
constexpr std::string_view numeric_columns[] = {"age_years", "weight_kg", "weight_age_days"};

static_assert(gln::enum_count<gln::rule> <= 64, "rule_bits holds one bit per rule");

struct column {
  std::string_view name;
  index key = 0;
  // A NumPy array of numbers, copied: the values and which are masked (unknown).
  bool numeric = false;
  std::vector<double> numbers;
  std::vector<std::uint8_t> masked;
  // Anything else: one Python value per row (PySequence_Fast).
  py::object items;
  bool codes = false;         // the "codes" column: a (system, code) pair is a coding too
  bool numbers_only = false;  // a column of numbers, where numpy.ma.masked is unknown
};

// numpy.ma.masked, the value a masked array gives for a masked element; null when numpy.ma
// is not loaded (then no value can be it).
PyObject* masked_constant() {
  const py::object ma = py::module_::import("sys").attr("modules").attr("get")("numpy.ma");
  if (ma.is_none()) return nullptr;
  return ma.attr("masked").ptr();  // held by numpy.ma for as long as it is loaded
}

[[noreturn]] void refuse_column(std::string_view name, const std::string& message) {
  raise_input_error(name, message);
}

std::size_t rows_of(const py::handle value) {
  const Py_ssize_t size = PyObject_Length(value.ptr());
  if (size < 0) throw py::error_already_set();
  return static_cast<std::size_t>(size);
}

column make_column(std::string_view name, py::handle value) {
  column out;
  out.name = name;
  out.codes = name == "codes";
  PyObject* const object = value.ptr();
  if (PyUnicode_Check(object) || PyBytes_Check(object) || PyByteArray_Check(object) ||
      PyMemoryView_Check(object) || PyDict_Check(object)) {
    refuse_column(name, std::string("must be a column (one value per row), not a ") +
                            Py_TYPE(object)->tp_name);
  }
  // A set's order is its hash's: its values would meet the other columns' rows at random.
  if (PyAnySet_Check(object)) {
    refuse_column(name, std::string("must be a column in row order (a sequence or an array), "
                                    "not a ") +
                            Py_TYPE(object)->tp_name);
  }
  const bool numeric_name = std::find(std::begin(numeric_columns), std::end(numeric_columns),
                                      name) != std::end(numeric_columns);
  out.numbers_only = numeric_name;
  if (py::isinstance<py::array>(value)) {
    const py::array array = py::reinterpret_borrow<py::array>(value);
    if (array.ndim() != 1) refuse_column(name, "must be one-dimensional (one value per row)");
    const char kind = array.dtype().kind();
    if (numeric_name && kind == 'b') refuse_column(name, "booleans are not numbers");
    if (numeric_name && (kind == 'i' || kind == 'u' || kind == 'f')) {
      const py::module_ ma = py::module_::import("numpy.ma");
      const auto numbers = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(
          ma.attr("getdata")(value));
      const auto masked = py::array_t<bool, py::array::c_style | py::array::forcecast>::ensure(
          ma.attr("getmaskarray")(value));
      if (!numbers || !masked) throw py::error_already_set();
      const auto size = static_cast<std::size_t>(numbers.size());
      out.numeric = true;
      out.numbers.assign(numbers.data(), numbers.data() + size);
      out.masked.resize(size);
      for (std::size_t i = 0; i < size; ++i) out.masked[i] = masked.data()[i] ? 1 : 0;
      return out;
    }
  }
  const auto iterator = py::reinterpret_steal<py::object>(PyObject_GetIter(object));
  if (!iterator) {
    PyErr_Clear();
    refuse_column(name, std::string("must be a column (a sequence or an array), not a ") +
                            Py_TYPE(object)->tp_name);
  }
  // An error while iterating is the column's own (a generator that raised): it goes up as is.
  out.items = py::reinterpret_steal<py::object>(PySequence_Fast(object, ""));
  if (!out.items) throw py::error_already_set();
  return out;
}

std::size_t column_rows(const column& c) { return c.numeric ? c.numbers.size() : rows_of(c.items); }

// The rows' findings and errors, kept in C++ until the chunks are done.
struct batch_output {
  std::vector<std::int8_t> overall;  // verdict index; -1 for a row with an error
  std::vector<std::uint8_t> valid;
  std::vector<std::uint64_t> rule_bits;
  std::vector<std::uint16_t> invalid_mask;  // one bit per input_field of input.invalid
  std::vector<std::uint8_t> rules;          // each finding's rule, rows one after another
  std::vector<std::size_t> rules_end;
  std::vector<std::uint8_t> invalid_fields;  // the field of each input.invalid finding
  std::vector<std::size_t> invalid_fields_end;
  struct unmapped {
    std::size_t row;
    std::optional<gln::code_system> system;  // none: an ICD-10-CM code of "icd10"
    std::string code;
  };
  std::vector<unmapped> unmapped_codes;  // in row order
  struct error {
    std::size_t row;
    std::string field;
    std::string message;
  };
  std::vector<error> errors;  // in row order
};

// A request read again for each row, keeping its vectors' capacity.
void reset(gln::request& r) {
  gln::request fresh;
  fresh.icd10.swap(r.icd10);
  fresh.codes.swap(r.codes);
  fresh.unmapped_icd10.swap(r.unmapped_icd10);
  fresh.unmapped_codes.swap(r.unmapped_codes);
  fresh.icd10.clear();
  fresh.codes.clear();
  fresh.unmapped_icd10.clear();
  fresh.unmapped_codes.clear();
  r = std::move(fresh);
}

class batch {
 public:
  batch(std::vector<column> columns, std::size_t rows, const call_arguments& scalars)
      : columns_(std::move(columns)), scalars_(scalars), masked_(masked_constant()) {
    for (column& c : columns_) {
      c.key = tree_.fixed_key(c.name);
      if (c.codes) {
        system_key_ = tree_.fixed_key("system");
        code_key_ = tree_.fixed_key("code");
      }
    }
    has_purpose_ = has_column("purpose");
    has_oversight_ = has_column("oversight");
    out_.overall.resize(rows);
    out_.valid.resize(rows);
    out_.rule_bits.resize(rows);
    out_.invalid_mask.resize(rows);
    out_.rules_end.resize(rows);
    out_.invalid_fields_end.resize(rows);
  }

  // Reads and screens rows [first, last): the Python values copied under the GIL, the rest
  // without it.
  void run(std::size_t first, std::size_t last) {
    chunk_first_ = first;
    copy_rows(first, last);
    const py::gil_scoped_release release;
    for (std::size_t row = first; row < last; ++row) screen_row(row);
  }

  const batch_output& output() const noexcept { return out_; }
  bool any_error() const noexcept { return !out_.errors.empty(); }

 private:
  bool has_column(std::string_view name) const noexcept {
    return std::any_of(columns_.begin(), columns_.end(),
                       [&](const column& c) { return c.name == name; });
  }

  void copy_rows(std::size_t first, std::size_t last) {
    tree_.clear();
    tops_.clear();
    copy_errors_.clear();
    next_copy_error_ = 0;
    for (std::size_t row = first; row < last; ++row) {
      const index top = tree_.add_root();
      tops_.push_back(top);
      const index members = tree_.add_children(top, json_kind::object, columns_.size());
      for (std::size_t i = 0; i < columns_.size(); ++i) {
        const column& c = columns_[i];
        const index at = members + static_cast<index>(i);
        tree_.set_key(at, c.key);
        if (c.numeric) {
          if (c.masked[row] != 0) {
            tree_.set_null(at);
          } else {
            tree_.set_number(at, c.numbers[row]);
          }
          continue;
        }
        const py::handle cell =
            PySequence_Fast_GET_ITEM(c.items.ptr(), static_cast<Py_ssize_t>(row));
        if (c.numbers_only && masked_ != nullptr && cell.ptr() == masked_) {
          tree_.set_null(at);
          continue;
        }
        try {
          if (c.codes) {
            set_codes(at, cell);
          } else {
            tree_.set(at, cell);
          }
        } catch (const conversion_error& error) {
          // The row's first error is its answer; the rest of the row is still copied.
          if (copy_errors_.empty() || copy_errors_.back().row != row) {
            copy_errors_.push_back({row, joined_path(c.name, error.path), error.message});
          }
          tree_.set_null(at);
        }
      }
    }
  }

  // A row of the codes column: a (system, code) pair is read as {"system", "code"}.
  void set_codes(index at, py::handle cell) {
    if (!PyList_Check(cell.ptr()) && !PyTuple_Check(cell.ptr())) {
      tree_.set(at, cell);
      return;
    }
    const Py_ssize_t size = PySequence_Fast_GET_SIZE(cell.ptr());
    const index first = tree_.add_children(at, json_kind::array, static_cast<std::size_t>(size));
    for (Py_ssize_t i = 0; i < size; ++i) {
      const index element = first + static_cast<index>(i);
      const py::handle item = PySequence_Fast_GET_ITEM(cell.ptr(), i);
      const std::string where = "[" + std::to_string(i) + "]";
      if (!PyTuple_Check(item.ptr()) || PyTuple_GET_SIZE(item.ptr()) != 2) {
        set_under(element, item, where);
        continue;
      }
      const index parts = tree_.add_children(element, json_kind::object, 2);
      tree_.set_key(parts, system_key_);
      tree_.set_key(parts + 1, code_key_);
      set_under(parts, PyTuple_GET_ITEM(item.ptr(), 0), where + ".system");
      set_under(parts + 1, PyTuple_GET_ITEM(item.ptr(), 1), where + ".code");
    }
  }

  void set_under(index at, py::handle value, const std::string& where) {
    try {
      tree_.set(at, value);
    } catch (conversion_error& error) {
      error.path = joined_path(where, error.path);
      throw;
    }
  }

  void fail(std::size_t row, std::string field, std::string message) {
    out_.overall[row] = -1;
    out_.rules_end[row] = out_.rules.size();
    out_.invalid_fields_end[row] = out_.invalid_fields.size();
    out_.errors.push_back({row, std::move(field), std::move(message)});
  }

  void screen_row(std::size_t row) {
    const std::size_t at = row - chunk_first_;
    if (next_copy_error_ < copy_errors_.size() && copy_errors_[next_copy_error_].row == row) {
      batch_output::error& e = copy_errors_[next_copy_error_++];
      fail(row, std::move(e.field), std::move(e.message));
      return;
    }
    reset(request_);
    tree_source source{tree_};
    gln::request_error error;
    tree_reader reader{source, request_, error};
    index top = tops_[at];
    if (!reader.read(top)) {
      fail(row, std::string(error.field()), std::string(error.message()));
      return;
    }
    if (!has_purpose_) request_.purpose = scalars_.read_request().purpose;
    if (!has_oversight_) request_.person.oversight = scalars_.person().oversight;
    if (!request_.purpose) {
      fail(row, "purpose", "is required");
      return;
    }
    const gln::screening s = gln::screen(request_.person, *request_.purpose, scalars_.rules());
    out_.overall[row] = static_cast<std::int8_t>(gln::index_of(s.overall));
    out_.valid[row] = s.valid() ? 1 : 0;
    const std::uint64_t bits = s.findings.rules().bits();
    if (s.findings.contains(gln::rule::input_invalid)) {
      for (const gln::finding& f : s.findings) {
        out_.rules.push_back(static_cast<std::uint8_t>(gln::index_of(f.rule)));
        if (f.rule == gln::rule::input_invalid) {
          out_.invalid_fields.push_back(static_cast<std::uint8_t>(gln::index_of(f.field)));
          out_.invalid_mask[row] =
              static_cast<std::uint16_t>(out_.invalid_mask[row] | 1U << gln::index_of(f.field));
        }
      }
    } else {
      // Without input.invalid, a screening's findings are its rules in rule order
      // (finding_list): no need to make each finding.
      for (const gln::rule fired : s.findings.rules()) {
        out_.rules.push_back(static_cast<std::uint8_t>(gln::index_of(fired)));
      }
    }
    out_.rule_bits[row] = bits;
    out_.rules_end[row] = out_.rules.size();
    out_.invalid_fields_end[row] = out_.invalid_fields.size();
    for (const std::string& code : request_.unmapped_icd10) {
      out_.unmapped_codes.push_back({row, std::nullopt, code});
    }
    for (const gln::request_coding& coding : request_.unmapped_codes) {
      out_.unmapped_codes.push_back({row, coding.system, coding.code});
    }
  }

  std::vector<column> columns_;
  const call_arguments& scalars_;
  PyObject* masked_;
  bool has_purpose_ = false;
  bool has_oversight_ = false;
  value_tree tree_;
  index system_key_ = 0;
  index code_key_ = 0;
  std::size_t chunk_first_ = 0;
  std::vector<index> tops_;
  std::vector<batch_output::error> copy_errors_;
  std::size_t next_copy_error_ = 0;
  gln::request request_;
  batch_output out_;
};

py::str name_object(std::string_view name) { return py::str(name.data(), name.size()); }

// A NumPy object array of `rows` values, each made by make(row) (a new reference).
template <class Make>
py::array object_column(std::size_t rows, Make make) {
  // NumPy fills a new object array with null pointers, each replaced here.
  py::array out(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(rows)});
  auto** data = static_cast<PyObject**>(out.mutable_data());
  for (std::size_t row = 0; row < rows; ++row) {
    PyObject* value = make(row).release().ptr();
    PyObject* old = data[row];
    data[row] = value;
    Py_XDECREF(old);
  }
  return out;
}

template <class T, class From>
py::array_t<T> number_column(const std::vector<From>& values) {
  py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
  T* data = out.mutable_data();
  for (std::size_t i = 0; i < values.size(); ++i) data[i] = static_cast<T>(values[i]);
  return out;
}

// Names of an enum as Python strings, made once per batch.
template <class E>
std::vector<py::str> names_of() {
  std::vector<py::str> out;
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
    out.push_back(name_object(gln::enum_traits<E>::names[i]));
  }
  return out;
}

// The rules and invalid fields of each row as tuples of names. A screening's findings are
// fixed by the rules that fired and the fields found invalid, so rows with the same of both
// share their two tuples (a population has few distinct combinations), made once from the
// first such row's findings.
static_assert(gln::enum_count<gln::rule> + gln::enum_count<gln::input_field> <= 64,
              "a row's findings key holds its rule bits and its invalid fields");

std::pair<py::array, py::array> findings_columns(const batch_output& out) {
  const std::vector<py::str> rule_names = names_of<gln::rule>();
  const std::vector<py::str> field_names = names_of<gln::input_field>();
  const std::size_t rows = out.overall.size();
  const auto tuple_of = [](const std::vector<py::str>& names, const std::vector<std::uint8_t>& flat,
                           std::size_t begin, std::size_t end) {
    py::tuple made(end - begin);
    for (std::size_t i = begin; i < end; ++i) made[i - begin] = names[flat[i]];
    return made;
  };
  std::unordered_map<std::uint64_t, std::pair<py::tuple, py::tuple>> made;
  std::vector<const std::pair<py::tuple, py::tuple>*> of_row(rows, nullptr);
  for (std::size_t row = 0; row < rows; ++row) {
    if (out.overall[row] < 0) continue;
    const std::uint64_t key = out.rule_bits[row] | std::uint64_t{out.invalid_mask[row]}
                                                       << gln::enum_count<gln::rule>;
    auto found = made.find(key);
    if (found == made.end()) {
      const std::size_t rules_begin = row == 0 ? 0 : out.rules_end[row - 1];
      const std::size_t fields_begin = row == 0 ? 0 : out.invalid_fields_end[row - 1];
      found = made.emplace(key, std::make_pair(tuple_of(rule_names, out.rules, rules_begin,
                                                        out.rules_end[row]),
                                               tuple_of(field_names, out.invalid_fields,
                                                        fields_begin, out.invalid_fields_end[row])))
                  .first;
    }
    of_row[row] = &found->second;
  }
  py::array rules = object_column(rows, [&](std::size_t row) -> py::object {
    if (of_row[row] == nullptr) return py::none();
    return of_row[row]->first;
  });
  py::array fields = object_column(rows, [&](std::size_t row) -> py::object {
    if (of_row[row] == nullptr) return py::none();
    return of_row[row]->second;
  });
  return {std::move(rules), std::move(fields)};
}

py::dict columns_of(const batch_output& out) {
  const std::size_t rows = out.overall.size();
  py::dict result;
  const std::vector<py::str> verdicts = names_of<gln::verdict>();
  result["overall"] = object_column(rows, [&](std::size_t row) -> py::object {
    if (out.overall[row] < 0) return py::none();
    return verdicts[static_cast<std::size_t>(out.overall[row])];
  });
  result["overall_code"] = number_column<std::int8_t>(out.overall);
  result["valid"] = number_column<bool>(out.valid);
  auto findings = findings_columns(out);
  result["rules"] = std::move(findings.first);
  result["rule_bits"] = number_column<std::uint64_t>(out.rule_bits);
  result["invalid_fields"] = std::move(findings.second);

  std::size_t next = 0;
  py::object empty = py::tuple(0);  // shared by every row without unmapped codes
  result["unmapped_codes"] = object_column(rows, [&](std::size_t row) -> py::object {
    if (out.overall[row] < 0) return py::none();
    if (next == out.unmapped_codes.size() || out.unmapped_codes[next].row != row) return empty;
    py::list codes;
    for (; next < out.unmapped_codes.size() && out.unmapped_codes[next].row == row; ++next) {
      const batch_output::unmapped& u = out.unmapped_codes[next];
      if (!u.system) {
        codes.append(py::str(u.code));
      } else {
        py::dict coding;
        coding["system"] = name_object(gln::to_string(*u.system));
        coding["code"] = py::str(u.code);
        codes.append(coding);
      }
    }
    return py::tuple(codes);
  });

  std::size_t next_error = 0;
  result["error"] = object_column(rows, [&](std::size_t row) -> py::object {
    if (next_error < out.errors.size() && out.errors[next_error].row == row) {
      const batch_output::error& e = out.errors[next_error++];
      return py::str(error_text(e.field, e.message));
    }
    return py::none();
  });
  return result;
}

}  // namespace

py::dict screen_batch(const py::dict& columns, py::handle purpose, py::handle oversight,
                      py::handle policy, bool record_errors) {
  call_arguments scalars;
  std::vector<column> read;
  std::optional<std::size_t> rows;
  std::string_view first_name;
  for (const auto& item : columns) {
    const std::string key = py::cast<std::string>(item.first);
    const auto* name = std::find(std::begin(column_names), std::end(column_names), key);
    if (name == std::end(column_names)) raise_input_error(key, "not a column of a batch");
    read.push_back(make_column(*name, item.second));
    const std::size_t size = column_rows(read.back());
    if (!rows) {
      rows = size;
      first_name = *name;
    } else if (size != *rows) {
      raise_input_error(*name, "has " + std::to_string(size) + " rows; " + std::string(first_name) +
                                   " has " + std::to_string(*rows));
    }
  }
  if (!rows) raise_input_error({}, "no column: give at least one column of rows");
  const bool purpose_column = columns.contains("purpose");
  if (!purpose_column) {
    scalars.purpose(purpose);
    scalars.require();
  }
  if (!columns.contains("oversight") && !oversight.is_none()) scalars.oversight(oversight);
  scalars.policy(policy);

  batch work(std::move(read), *rows, scalars);
  for (std::size_t first = 0; first < *rows; first += chunk_rows) {
    work.run(first, std::min(*rows, first + chunk_rows));
    if (!record_errors && work.any_error()) {
      const auto& e = work.output().errors.front();
      raise_input_error(e.field, e.message, e.row);
    }
  }
  return columns_of(work.output());
}

}  // namespace gln_python
