package org.gpconnect.appointment.registration.validation;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gpconnect.appointment.registration.RegistrationRequest;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.identifier.NhsNumber;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Reads a {@code $gpc.registerpatient} request (foundations.md §9.2) into a {@link RegistrationRequest}, applying
 * the request table of §9.2 in full:
 * <ul>
 *   <li>a {@code Parameters} with exactly one parameter, {@code registerPatient}, whose {@code resource} is a
 *       Patient (no value, no parts);</li>
 *   <li>required: {@code meta.profile} CareConnect-GPC-Patient-1; one NHS number identifier; one name with
 *       {@code use} official, a family name and a given name; {@code birthDate} (a full date);</li>
 *   <li>SHOULD: {@code gender}; at most one {@code home} address; phones with {@code use} home, work or mobile (at
 *       most one each); at most one e-mail; one {@code nhsCommunication} extension (language, interpreterRequired);</li>
 *   <li>MAY: at most one {@code temp} address and one {@code temp} phone;</li>
 *   <li>anything else must not be sent.</li>
 * </ul>
 * Every failure is 422 INVALID_RESOURCE, except an NHS number that is present but not a valid NHS number: 400
 * INVALID_NHS_NUMBER (§9.2, §5.1). The elements the provider sets itself (the registration details) are refused
 * rather than ignored, so a consumer never believes a value was taken that was not.
 */
public final class RegisterPatientRequestReader {

    public static final String PARAMETER = "registerPatient";

    private RegisterPatientRequestReader() {
    }

    public static RegistrationRequest read(Parameters parameters) {
        if (parameters == null) {
            throw invalid("The request body must be a Parameters resource with one registerPatient parameter");
        }
        if (parameters.hasImplicitRules()) {
            throw invalid("The Parameters resource must not carry implicit rules");
        }
        List<ParametersParameterComponent> all = parameters.getParameter();
        if (all.size() != 1) {
            throw invalid("The Parameters resource must hold exactly one parameter, registerPatient (it holds " + all.size() + ")");
        }
        ParametersParameterComponent parameter = all.get(0);
        if (!PARAMETER.equals(parameter.getName())) {
            throw invalid("The only parameter of $gpc.registerpatient is registerPatient, not '" + parameter.getName() + "'");
        }
        if (parameter.hasValue() || parameter.hasPart() || parameter.hasExtension() || parameter.hasModifierExtension()) {
            throw invalid("The registerPatient parameter carries only a resource");
        }
        if (!(parameter.getResource() instanceof Patient patient)) {
            throw invalid("The registerPatient parameter's resource must be a Patient");
        }
        return patient(patient);
    }

    static RegistrationRequest patient(Patient patient) {
        if (!patient.getMeta().hasProfile(CareConnectProfiles.PATIENT)) {
            throw invalid("The Patient must declare the profile " + CareConnectProfiles.PATIENT + " in meta.profile");
        }
        if (patient.getMeta().hasSecurity() || patient.getMeta().hasTag()) {
            throw invalid("The Patient's meta may carry only its profile");
        }
        forbiddenElements(patient);
        String nhsNumber = nhsNumber(patient.getIdentifier());
        HumanName name = officialName(patient.getName());
        LocalDate birthDate = birthDate(patient);
        String gender = patient.hasGender() ? patient.getGender().toCode() : null;
        RegistrationRequest.Address home = null;
        RegistrationRequest.Address temp = null;
        for (Address address : patient.getAddress()) {
            if (address.getUse() == Address.AddressUse.HOME) {
                if (home != null) {
                    throw invalid("At most one home address may be sent");
                }
                home = address(address);
            } else if (address.getUse() == Address.AddressUse.TEMP) {
                if (temp != null) {
                    throw invalid("At most one temporary address may be sent");
                }
                temp = address(address);
            } else {
                throw invalid("An address must have use home or temp" + (address.hasUse() ? ", not " + address.getUse().toCode() : ""));
            }
        }
        List<RegistrationRequest.Telecom> telecoms = telecoms(patient.getTelecom());
        RegistrationRequest.Communication communication = communication(patient.getExtension());
        String title = name.hasPrefix() ? name.getPrefix().get(0).getValue() : null;
        List<String> given = name.getGiven().stream().map(StringType::getValue).toList();
        return new RegistrationRequest(nhsNumber, blankToNull(title), given, name.getFamily(), birthDate, gender, home, temp,
                telecoms, communication);
    }

    /** Elements of the base Patient that §9.2 does not list (so must not be sent), or that the provider sets. */
    private static void forbiddenElements(Patient patient) {
        List<String> present = new ArrayList<>();
        if (patient.hasText()) {
            present.add("text");
        }
        if (patient.hasContained()) {
            present.add("contained");
        }
        if (patient.hasModifierExtension()) {
            present.add("modifierExtension");
        }
        if (patient.hasImplicitRules()) {
            present.add("implicitRules");
        }
        if (patient.hasLanguage()) {
            present.add("language");
        }
        if (patient.hasActiveElement()) {
            present.add("active");
        }
        if (patient.hasDeceased()) {
            present.add("deceased[x]");
        }
        if (patient.hasMaritalStatus()) {
            present.add("maritalStatus");
        }
        if (patient.hasMultipleBirth()) {
            present.add("multipleBirth[x]");
        }
        if (patient.hasPhoto()) {
            present.add("photo");
        }
        if (patient.hasContact()) {
            present.add("contact");
        }
        if (patient.hasAnimal()) {
            present.add("animal");
        }
        if (patient.hasCommunication()) {
            present.add("communication (use the nhsCommunication extension)");
        }
        if (patient.hasGeneralPractitioner()) {
            present.add("generalPractitioner");
        }
        if (patient.hasManagingOrganization()) {
            present.add("managingOrganization");
        }
        if (patient.hasLink()) {
            present.add("link");
        }
        for (Extension extension : patient.getExtension()) {
            if (!CareConnectProfiles.EXT_NHS_COMMUNICATION.equals(extension.getUrl())) {
                present.add(CareConnectProfiles.EXT_REGISTRATION_DETAILS.equals(extension.getUrl())
                        ? "the registration details extension (the provider sets them)"
                        : "the extension " + extension.getUrl());
            }
        }
        if (!present.isEmpty()) {
            throw invalid("A register patient request must not contain " + String.join(", ", present));
        }
    }

    private static String nhsNumber(List<Identifier> identifiers) {
        String found = null;
        for (Identifier identifier : identifiers) {
            if (!IdentifierSystems.NHS_NUMBER.equals(identifier.getSystem())) {
                throw invalid("The Patient may carry only its NHS number identifier (system " + IdentifierSystems.NHS_NUMBER + ")");
            }
            if (found != null) {
                throw invalid("The Patient must carry exactly one NHS number identifier");
            }
            if (identifier.hasUse() || identifier.hasType() || identifier.hasPeriod() || identifier.hasAssigner()
                    || identifier.getExtension().stream().anyMatch(e -> !CareConnectProfiles.EXT_NHS_NUMBER_VERIFICATION_STATUS.equals(e.getUrl()))) {
                throw invalid("The NHS number identifier carries only its system, value and verification status");
            }
            String value = identifier.getValue();
            if (value == null || !NhsNumber.isValid(value)) {
                throw new GpConnectException(SpineCode.INVALID_NHS_NUMBER, "The NHS number identifier's value is not a valid NHS number");
            }
            found = value;
        }
        if (found == null) {
            throw invalid("The Patient must carry its NHS number identifier (system " + IdentifierSystems.NHS_NUMBER + ")");
        }
        return found;
    }

    private static HumanName officialName(List<HumanName> names) {
        if (names.size() != 1 || names.get(0).getUse() != HumanName.NameUse.OFFICIAL) {
            throw invalid("The Patient must have exactly one name, with use official");
        }
        HumanName name = names.get(0);
        if (name.hasText() || name.hasSuffix() || name.hasPeriod() || name.hasExtension()) {
            throw invalid("The official name carries only family, given and prefix");
        }
        if (!present(name.getFamily())) {
            throw invalid("The official name must have a family name");
        }
        if (!name.hasGiven() || name.getGiven().stream().anyMatch(g -> !present(g.getValue()))) {
            throw invalid("The official name must have a given name");
        }
        return name;
    }

    private static LocalDate birthDate(Patient patient) {
        if (!patient.hasBirthDate()) {
            throw invalid("The Patient must have a birthDate");
        }
        if (patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
            throw invalid("The birthDate must be a full date (YYYY-MM-DD)");
        }
        return LocalDate.parse(patient.getBirthDateElement().getValueAsString());
    }

    private static RegistrationRequest.Address address(Address address) {
        if (address.hasText() || address.hasType() || address.hasState() || address.hasPeriod() || address.hasExtension()) {
            throw invalid("An address carries only use, line, city, district, postalCode and country");
        }
        List<String> lines = address.getLine().stream().map(StringType::getValue).filter(RegisterPatientRequestReader::present).toList();
        if (lines.isEmpty() && !present(address.getPostalCode()) && !present(address.getCity())) {
            throw invalid("An address must have at least a line, a city or a postcode");
        }
        return new RegistrationRequest.Address(lines, blankToNull(address.getCity()), blankToNull(address.getDistrict()),
                blankToNull(address.getPostalCode()), blankToNull(address.getCountry()));
    }

    private static List<RegistrationRequest.Telecom> telecoms(List<ContactPoint> contactPoints) {
        List<RegistrationRequest.Telecom> telecoms = new ArrayList<>();
        Set<String> phoneUses = new HashSet<>();
        boolean email = false;
        for (ContactPoint contactPoint : contactPoints) {
            if (contactPoint.hasPeriod() || contactPoint.hasRank() || contactPoint.hasExtension()) {
                throw invalid("A telecom carries only system, value and use");
            }
            if (!present(contactPoint.getValue())) {
                throw invalid("A telecom must have a value");
            }
            ContactPoint.ContactPointSystem system = contactPoint.getSystem();
            String use = contactPoint.hasUse() ? contactPoint.getUse().toCode() : null;
            if (system == ContactPoint.ContactPointSystem.PHONE) {
                if (use == null || !Set.of("home", "work", "mobile", "temp").contains(use)) {
                    throw invalid("A phone number needs use home, work, mobile or temp");
                }
                if (!phoneUses.add(use)) {
                    throw invalid("At most one " + use + " phone number may be sent");
                }
            } else if (system == ContactPoint.ContactPointSystem.EMAIL) {
                if (email) {
                    throw invalid("At most one e-mail address may be sent");
                }
                email = true;
            } else {
                throw invalid("A telecom must be a phone number or an e-mail address");
            }
            telecoms.add(new RegistrationRequest.Telecom(system.toCode(), use, contactPoint.getValue().strip()));
        }
        return List.copyOf(telecoms);
    }

    private static RegistrationRequest.Communication communication(List<Extension> extensions) {
        List<Extension> found = extensions.stream().filter(e -> CareConnectProfiles.EXT_NHS_COMMUNICATION.equals(e.getUrl())).toList();
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw invalid("At most one nhsCommunication extension may be sent");
        }
        Extension communication = found.get(0);
        if (communication.hasValue()) {
            throw invalid("The nhsCommunication extension holds sub-extensions, not a value");
        }
        Coding language = null;
        Boolean interpreter = null;
        Set<String> seen = new HashSet<>();
        for (Extension part : communication.getExtension()) {
            if (!seen.add(part.getUrl())) {
                throw invalid("The nhsCommunication extension repeats " + part.getUrl());
            }
            switch (part.getUrl()) {
                case "language" -> {
                    if (!(part.getValue() instanceof CodeableConcept concept) || concept.getCoding().size() != 1
                            || !CareConnectProfiles.CS_HUMAN_LANGUAGE.equals(concept.getCodingFirstRep().getSystem())
                            || !present(concept.getCodingFirstRep().getCode())) {
                        throw invalid("nhsCommunication.language must be one coding from " + CareConnectProfiles.CS_HUMAN_LANGUAGE);
                    }
                    language = concept.getCodingFirstRep();
                }
                case "interpreterRequired" -> {
                    if (!(part.getValue() instanceof BooleanType value) || !value.hasValue()) {
                        throw invalid("nhsCommunication.interpreterRequired must be a boolean");
                    }
                    interpreter = value.getValue();
                }
                default -> throw invalid("nhsCommunication may carry only language and interpreterRequired, not " + part.getUrl());
            }
        }
        if (language == null) {
            throw invalid("The nhsCommunication extension must name the language");
        }
        return new RegistrationRequest.Communication(language.getCode(), blankToNull(language.getDisplay()), interpreter);
    }

    private static GpConnectException invalid(String diagnostics) {
        return GpConnectException.invalidResource(diagnostics);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }
}
