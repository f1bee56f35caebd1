#ifndef GLN_PYTHON_BATCH_HPP
#define GLN_PYTHON_BATCH_HPP

#include <pybind11/pybind11.h>

namespace gln_python {

// Screens one row per element of the columns (a dict from request keys to sequences or NumPy
// arrays, all of one length); `purpose` and `oversight` are the value of every row unless
// `columns` has them; `policy` applies to every row. Rows are read by the request rules and
// screened in chunks, the GIL released while a chunk is read and screened. Returns a dict of
// columns (gln/__init__.py describes them). A row the rules refuse raises gln.InputError
// naming the row and field, or with `record_errors` gets its message in the "error" column.
pybind11::dict screen_batch(const pybind11::dict& columns, pybind11::handle purpose,
                            pybind11::handle oversight, pybind11::handle policy,
                            bool record_errors);

}  // namespace gln_python

#endif  // GLN_PYTHON_BATCH_HPP
