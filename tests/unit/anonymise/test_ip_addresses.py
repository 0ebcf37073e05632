"""An IP address traces a person as surely as a handle: it is replaced; dates, versions and times are not IPs."""
import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize("text, address", [
    ("The IP address was 81.2.69.160.", "81.2.69.160"),
    ("logins from 10.0.0.1 and 192.168.1.254 at night", "192.168.1.254"),
    ("IPv6 2001:db8:85a3::8a2e:370:7334 seen", "2001:db8:85a3::8a2e:370:7334"),
    ("IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 seen", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
])
def test_an_ip_address_is_replaced(text, address):
    out = anonymise(text).text
    assert address not in out and "[online account]" in out


@pytest.mark.parametrize("text", ["Firmware 1.2.3 on the Taser.", "Section 3.1.2.4 of the policy.",
                                  "Not an address: 300.1.2.3 or 1.2.3.4.5."])
def test_versions_section_numbers_and_impossible_addresses_are_not_ip_addresses(text):
    assert "[online account]" not in anonymise(text).text
