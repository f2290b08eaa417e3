package org.gpconnect.common.fhir.careconnect;

import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Address.AddressUse;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.HumanName.NameUse;
import org.hl7.fhir.dstu3.model.Reference;

/** FHIR data types built the same way by every CareConnect mapper. */
public final class CareConnectDataTypes {

    private CareConnectDataTypes() {
    }

    /**
     * An address from its stored parts, or null when nothing is recorded: an element with no content is
     * invalid FHIR, so "no address" is an absent element, not an empty one.
     */
    public static Address address(AddressUse use, List<String> lines, String city, String district, String state,
                                  String postalCode, String country) {
        Address address = new Address();
        if (lines != null) {
            lines.stream().filter(CareConnectDataTypes::present).forEach(address::addLine);
        }
        address.setCity(blankToNull(city));
        address.setDistrict(blankToNull(district));
        address.setState(blankToNull(state));
        address.setPostalCode(blankToNull(postalCode));
        address.setCountry(blankToNull(country));
        return address.isEmpty() ? null : address.setUse(use);
    }

    /** A work phone number, or null when none is recorded. */
    public static ContactPoint workPhone(String number) {
        return present(number)
                ? new ContactPoint().setSystem(ContactPointSystem.PHONE).setValue(number).setUse(ContactPointUse.WORK)
                : null;
    }

    /** An official name: structured when a family name is known, else its text (foundations.md §9.4). */
    public static HumanName officialName(String prefix, List<String> given, String family) {
        HumanName name = new HumanName().setUse(NameUse.OFFICIAL);
        List<String> givenNames = given == null ? List.of() : given.stream().filter(CareConnectDataTypes::present).toList();
        if (present(family)) {
            name.setFamily(family);
            givenNames.forEach(name::addGiven);
            if (present(prefix)) {
                name.addPrefix(prefix);
            }
        } else {
            name.setText(String.join(" ", Stream.concat(Stream.of(prefix), givenNames.stream())
                    .filter(CareConnectDataTypes::present).toList()));
        }
        return name;
    }

    public static Reference reference(String type, String id) {
        return new Reference(type + "/" + id);
    }

    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value : null;
    }
}
