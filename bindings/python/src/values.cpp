#include "values.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <utility>

namespace gln_python {
namespace {

constexpr int max_depth = 64;

PyObject* input_error = nullptr;  // set once by the module; never released

[[noreturn]] void refuse(std::string message) { throw conversion_error{{}, std::move(message)}; }

std::string type_name(py::handle value) { return Py_TYPE(value.ptr())->tp_name; }

// numpy's bool is not a Python bool, and not a number either.
bool is_numpy_bool(py::handle value) noexcept {
  return std::strcmp(Py_TYPE(value.ptr())->tp_name, "numpy.bool_") == 0;
}

bool is_mapping(py::handle value) {
  if (PyDict_Check(value.ptr())) return true;
  static PyObject* mapping_type = [] {
    const py::object abc = py::module_::import("collections.abc");
    return py::object(abc.attr("Mapping")).release().ptr();
  }();
  const int is = PyObject_IsInstance(value.ptr(), mapping_type);
  if (is < 0) throw py::error_already_set();
  return is == 1;
}

// numpy's complex numbers convert to a float, dropping the imaginary part: they are
// numbers.Complex and not numbers.Real (Decimal is neither, and reads as its float).
bool is_complex(py::handle value) {
  static const std::pair<PyObject*, PyObject*> types = [] {
    const py::object numbers = py::module_::import("numbers");
    return std::pair<PyObject*, PyObject*>{py::object(numbers.attr("Complex")).release().ptr(),
                                           py::object(numbers.attr("Real")).release().ptr()};
  }();
  const int complex = PyObject_IsInstance(value.ptr(), types.first);
  const int real = complex == 1 ? PyObject_IsInstance(value.ptr(), types.second) : 0;
  if (complex < 0 || real < 0) throw py::error_already_set();
  return complex == 1 && real == 0;
}

// Prepends where the failure is, as request paths read.
[[noreturn]] void rethrow_under(conversion_error& error, std::string_view segment) {
  error.path = joined_path(segment, error.path);
  throw std::move(error);
}

}  // namespace

value_tree::index value_tree::add_children(index parent, json_kind kind, std::size_t count) {
  constexpr std::size_t most = std::numeric_limits<index>::max();
  const std::size_t first = nodes_.size();
  if (first > most || count > most - first) refuse("too many values");
  nodes_.resize(first + count);
  node& n = nodes_[parent];
  n.kind = kind;
  n.first = static_cast<index>(first);
  n.count = static_cast<index>(count);
  return n.first;
}

void value_tree::set_text(index at, std::string_view text) {
  constexpr std::size_t most = std::numeric_limits<index>::max();
  if (text_.size() > most || text.size() > most - text_.size()) refuse("text too long");
  node& n = nodes_[at];
  n.has_text = true;
  n.text = static_cast<index>(text_.size());
  n.text_size = static_cast<index>(text.size());
  text_.append(text.data(), text.size());
}

void value_tree::reset(index at) noexcept {
  const index key = nodes_[at].key;
  nodes_[at] = node{};
  nodes_[at].key = key;
}

void value_tree::set_number(index at, double value) {
  reset(at);
  nodes_[at].kind = json_kind::number;
  nodes_[at].number = value;
  // The text a JSON reader would quote for a number that is not one.
  if (std::isnan(value)) set_text(at, "NaN");
  if (std::isinf(value)) set_text(at, value > 0 ? "Infinity" : "-Infinity");
}

// Recursive over nested lists and dicts, at most max_depth deep.
// NOLINTNEXTLINE(misc-no-recursion)
void value_tree::set(index at, py::handle value, int depth) {
  if (depth > max_depth) refuse("nested deeper than 64 levels");
  PyObject* object = value.ptr();
  reset(at);
  if (object == Py_None) return;
  if (PyBool_Check(object)) {
    nodes_[at].kind = json_kind::boolean;
    nodes_[at].number = PyObject_IsTrue(object) == 1 ? 1.0 : 0.0;
    return;
  }
  if (PyLong_Check(object)) {
    int overflow = 0;
    const long long integer = PyLong_AsLongLongAndOverflow(object, &overflow);
    if (integer == -1 && PyErr_Occurred() != nullptr) throw py::error_already_set();
    node& n = nodes_[at];
    n.kind = json_kind::number;
    n.is_integer = true;
    if (overflow == 0) {
      n.integer = integer;
      n.number = static_cast<double>(integer);
      return;
    }
    // Beyond 64 bits: its digits (an id keeps them all), and a double or an infinity.
    double number = PyLong_AsDouble(object);
    if (number == -1.0 && PyErr_Occurred() != nullptr) {
      PyErr_Clear();
      number = overflow > 0 ? std::numeric_limits<double>::infinity()
                            : -std::numeric_limits<double>::infinity();
    }
    nodes_[at].number = number;
    set_text(at, py::str(value).cast<std::string>());
    return;
  }
  if (PyFloat_Check(object)) {
    set_number(at, PyFloat_AS_DOUBLE(object));
    return;
  }
  if (PyUnicode_Check(object)) {
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(object, &size);
    if (utf8 == nullptr) {
      PyErr_Clear();
      refuse("text that is not valid Unicode (a lone surrogate)");
    }
    nodes_[at].kind = json_kind::string;
    set_text(at, std::string_view(utf8, static_cast<std::size_t>(size)));
    return;
  }
  if (is_numpy_bool(value)) {
    nodes_[at].kind = json_kind::boolean;
    nodes_[at].number = PyObject_IsTrue(object) == 1 ? 1.0 : 0.0;
    return;
  }
  if (PyBytes_Check(object) || PyByteArray_Check(object)) {
    refuse("bytes are not text: decode them to a str");
  }
  // Lists and tuples first: asking whether a value is a Mapping goes through Python's ABC
  // machinery.
  if (PyList_Check(object) || PyTuple_Check(object)) {
    set_array(at, value, depth);
    return;
  }
  if (is_mapping(value)) {
    set_object(at, value, depth);
    return;
  }
  if (PySequence_Check(object) != 0) {
    set_array(at, value, depth);
    return;
  }
  if (PyIndex_Check(object) != 0) {  // numpy's integers
    const auto integer = py::reinterpret_steal<py::object>(PyNumber_Index(object));
    if (!integer) throw py::error_already_set();
    set(at, integer, depth);
    return;
  }
  if (Py_TYPE(object)->tp_as_number != nullptr &&
      Py_TYPE(object)->tp_as_number->nb_float != nullptr &&
      !is_complex(value)) {  // numpy's other floats
    const double number = PyFloat_AsDouble(object);
    if (number == -1.0 && PyErr_Occurred() != nullptr) {
      // A float() that fails (numpy's dates) is no number: the error names the field.
      PyErr_Clear();
      refuse("a " + type_name(value) + " is not a JSON value");
    }
    set_number(at, number);
    return;
  }
  refuse("a " + type_name(value) + " is not a JSON value");
}

// NOLINTNEXTLINE(misc-no-recursion): through set(), at most max_depth deep
void value_tree::set_object(index at, py::handle mapping, int depth) {
  const py::list items =
      py::reinterpret_steal<py::list>(PySequence_List(mapping.attr("items")().ptr()));
  if (!items) throw py::error_already_set();
  const index first = add_children(at, json_kind::object, items.size());
  index i = first;
  for (const py::handle item : items) {
    if (!PyTuple_Check(item.ptr()) || PyTuple_GET_SIZE(item.ptr()) != 2) {
      refuse("a mapping whose items() are not (key, value) pairs");
    }
    const py::handle key = PyTuple_GET_ITEM(item.ptr(), 0);
    if (!PyUnicode_Check(key.ptr())) {
      refuse("a key that is not a string (" + type_name(key) + ")");
    }
    std::string name;
    try {
      name = key.cast<std::string>();
    } catch (const py::error_already_set&) {
      refuse("a key that is not valid Unicode (a lone surrogate)");
    }
    keys_.push_back(name);
    nodes_[i].key = static_cast<index>(keys_.size() - 1);
    try {
      set(i, PyTuple_GET_ITEM(item.ptr(), 1), depth + 1);
    } catch (conversion_error& error) {
      rethrow_under(error, name);
    }
    ++i;
  }
}

// NOLINTNEXTLINE(misc-no-recursion): through set(), at most max_depth deep
void value_tree::set_array(index at, py::handle sequence, int depth) {
  const py::object fast =
      py::reinterpret_steal<py::object>(PySequence_Fast(sequence.ptr(), "not a sequence"));
  if (!fast) {
    PyErr_Clear();
    refuse("a " + type_name(sequence) + " is not a JSON value");
  }
  const Py_ssize_t size = PySequence_Fast_GET_SIZE(fast.ptr());
  const index first = add_children(at, json_kind::array, static_cast<std::size_t>(size));
  for (Py_ssize_t i = 0; i < size; ++i) {
    try {
      set(first + static_cast<index>(i), PySequence_Fast_GET_ITEM(fast.ptr(), i), depth + 1);
    } catch (conversion_error& error) {
      rethrow_under(error, "[" + std::to_string(i) + "]");
    }
  }
}

bool tree_source::id_text(value& v, std::string_view& out) {
  const value_tree::node& n = tree_[v];
  scratch_.clear();
  if (n.kind == json_kind::string) {
    constexpr std::string_view hex = "0123456789abcdef";
    scratch_ += '"';
    for (const char ch : tree_.text_of(n)) {
      const auto byte = static_cast<unsigned char>(ch);
      if (ch == '"' || ch == '\\') {
        scratch_ += '\\';
        scratch_ += ch;
      } else if (byte < 0x20) {
        scratch_ += "\\u00";
        scratch_ += hex[byte >> 4U];
        scratch_ += hex[byte & 0xFU];
      } else {
        scratch_ += ch;
      }
    }
    scratch_ += '"';
  } else if (n.has_text) {
    scratch_ = tree_.text_of(n);
  } else if (n.is_integer) {
    scratch_ = std::to_string(n.integer);
  } else {
    // A float is never an integer id, whatever its value: write it as one that is not.
    char buffer[32];
    static_cast<void>(std::snprintf(buffer, sizeof buffer, "%.17g", n.number));
    scratch_ = buffer;
    if (scratch_.find_first_of(".eE") == std::string::npos) scratch_ += ".0";
  }
  out = scratch_;
  return true;
}

void set_input_error_type(py::handle type) { input_error = type.inc_ref().ptr(); }

std::string error_text(std::string_view field, std::string_view message) {
  std::string text(field);
  if (!text.empty()) text += ": ";
  text += message;
  return text;
}

std::string joined_path(std::string_view prefix, std::string_view field) {
  std::string path(prefix);
  if (!path.empty() && !field.empty() && field.front() != '[') path += '.';
  path += field;
  return path;
}

void raise_input_error(std::string_view prefix, const gln::request_error& error,
                       std::optional<std::size_t> row) {
  raise_input_error(joined_path(prefix, error.field()), error.message(), row);
}

void raise_input_error(std::string_view field, std::string_view message,
                       std::optional<std::size_t> row) {
  std::string text = error_text(field, message);
  if (row) text = "row " + std::to_string(*row) + ": " + text;
  const py::object error = py::reinterpret_borrow<py::object>(input_error)(text);
  error.attr("field") = field.empty() ? py::object(py::none()) : py::object(py::str(field));
  error.attr("message") = py::str(message);
  error.attr("row") = row ? py::object(py::int_(*row)) : py::object(py::none());
  PyErr_SetObject(input_error, error.ptr());
  throw py::error_already_set();
}

}  // namespace gln_python
