// A shop's product page for L-glutamine: what to show one customer for one goal.
#include <gln/gln.hpp>

#include <iostream>

int main() {
  gln::profile customer{};  // what the intake form said
  customer.set_age(34).set_weight(62);
  customer.medications = {gln::medication::anticonvulsant};
  const gln::purpose goal = gln::purpose::gut_barrier;

  const gln::assessment a = gln::assess(customer, goal);
  std::cout << "Glutamine for " << gln::to_string(goal) << ": " << a.label() << '\n';
  switch (a.action) {
    case gln::action::ok:
    case gln::action::ok_with_care: std::cout << "[Add to cart]\n"; break;
    case gln::action::not_recommended: std::cout << "[Show alternatives]\n"; break;
    case gln::action::ask_clinician: std::cout << "[Ask a pharmacist]\n"; break;
    case gln::action::do_not_take: std::cout << "[Not for you]\n"; break;
  }
  for (const gln::finding& f : a.findings) {
    std::cout << "  - " << f.patient_text().view() << '\n';
  }
  if (a.dose) {
    std::cout << "How much: " << a.dose->summary().view() << '\n';
    std::cout << "When: " << a.dose->timing << '\n';
  } else {
    std::cout << "No dose shown (" << gln::to_string(a.dose_shown) << ")\n";
  }
  std::cout << "Evidence: " << gln::to_string(a.evidence.grade)
            << (a.evidence.sources_disagree ? ", the sources disagree" : "") << '\n';
  return 0;
}
