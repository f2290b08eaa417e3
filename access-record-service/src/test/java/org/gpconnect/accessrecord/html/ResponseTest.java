package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.IResource;
import ca.uhn.fhir.model.dstu2.composite.ResourceReferenceDt;
import ca.uhn.fhir.model.dstu2.resource.Bundle;
import ca.uhn.fhir.model.dstu2.resource.Composition;
import ca.uhn.fhir.model.dstu2.resource.Device;
import ca.uhn.fhir.model.dstu2.resource.Organization;
import ca.uhn.fhir.model.dstu2.resource.Patient;
import ca.uhn.fhir.model.dstu2.resource.Practitioner;
import ca.uhn.fhir.model.dstu2.valueset.BundleTypeEnum;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gpconnect.accessrecord.structured.StructuredApi;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The response of access-record-html.md §3: the DSTU2 Bundle (Composition first, then Patient, Practitioner,
 * Organization, Device, every reference resolving), its media types and headers, JSON and XML; and the
 * internal-token rules this root shares with every FHIR root (docs/adr/0001).
 */
@QuarkusTest
class ResponseTest {

    private static final String SD = "http://fhir.nhs.net/StructureDefinition/";

    @Inject
    Pool pool;

    @Test
    void bundleHoldsTheCompositionFirstThenPatientGpPracticeAndDevice() {
        String json = ok(request(PATIENT2, "ALL")).asString();
        Bundle bundle = bundle(json);
        assertThat(bundle.getTypeElement().getValueAsEnum()).isEqualTo(BundleTypeEnum.SEARCH_RESULTS);
        assertThat(bundle.getId().getIdPart()).isNotBlank();
        List<IResource> resources = bundle.getEntry().stream().map(Bundle.Entry::getResource).toList();
        assertThat(resources).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("Composition", "Patient", "Practitioner", "Organization", "Device");
        resources.forEach(r -> assertThat(r.getId().getIdPart()).as("every resource has an id").isNotBlank());

        Composition composition = (Composition) resources.get(0);
        assertThat(profiles(composition)).containsExactly(SD + "gpconnect-carerecord-composition-1");
        assertThat(composition.getTitle()).isEqualTo("Patient Care Record");
        assertThat(composition.getStatus()).isEqualTo("final");
        assertThat(composition.getDate()).isNotNull();
        assertThat(composition.getSubject().getReference().getValue()).isEqualTo("Patient/2");
        assertThat(composition.getAuthor()).hasSize(1);
        assertThat(composition.getAuthor().get(0).getReference().getValue()).startsWith("Device/");
        assertThat(composition.getCustodian().getReference().getValue()).isEqualTo("Organization/1");
        assertThat(composition.getSection()).hasSize(1);
        Composition.Section section = composition.getSectionFirstRep();
        assertThat(section.getTitle()).isEqualTo("Allergies and Adverse Reactions");
        assertThat(section.getCode().getCodingFirstRep().getSystem()).isEqualTo(SECTION_SYSTEM);
        assertThat(section.getCode().getCodingFirstRep().getCode()).isEqualTo("ALL");
        assertThat(section.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Allergies and Adverse Reactions");
        assertThat(section.getCode().getText()).isEqualTo("Allergies and Adverse Reactions");
        assertThat(section.getText().getStatusAsString()).isEqualTo("generated");
        assertThat(div(json)).startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">");

        Patient patient = (Patient) resources.get(1);
        assertThat(profiles(patient)).containsExactly(SD + "gpconnect-patient-1");
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("http://fhir.nhs.net/Id/nhs-number");
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(PATIENT2);
        assertThat(patient.getNameFirstRep().getFamilyAsSingleString()).isEqualTo("SKELLY");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Horace");
        assertThat(patient.getGender()).isEqualTo("male");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1925-04-21");
        assertThat(patient.getAddressFirstRep().getPostalCode()).isEqualTo("TS18 3BL");
        assertThat(patient.getCareProvider().get(0).getReference().getValue()).isEqualTo("Practitioner/1");
        assertThat(patient.getManagingOrganization().getReference().getValue()).isEqualTo("Organization/1");
        assertThat(patient.getDeceased()).isNull();

        Practitioner gp = (Practitioner) resources.get(2);
        assertThat(profiles(gp)).containsExactly(SD + "gpconnect-practitioner-1");
        assertThat(gp.getIdentifierFirstRep().getSystem()).isEqualTo("http://fhir.nhs.net/sds-user-id");
        assertThat(gp.getIdentifierFirstRep().getValue()).isEqualTo("G13579135");
        assertThat(gp.getName().getFamilyAsSingleString()).isEqualTo("Gilbert");

        Organization practice = (Organization) resources.get(3);
        assertThat(profiles(practice)).containsExactly(SD + "gpconnect-organization-1");
        assertThat(practice.getIdentifierFirstRep().getSystem()).isEqualTo("http://fhir.nhs.net/Id/ods-organization-code");
        assertThat(practice.getIdentifierFirstRep().getValue()).isEqualTo("B82617");
        assertThat(practice.getName()).isEqualTo("COXWOLD SURGERY");

        Device device = (Device) resources.get(4);
        assertThat(profiles(device)).containsExactly(SD + "gpconnect-device-1");
        assertThat(device.getModel()).isEqualTo("gpconnect-provider-suite access-record-service");

        // every reference is relative and resolves inside the Bundle
        Set<String> ids = resources.stream().map(r -> r.getResourceName() + "/" + r.getId().getIdPart()).collect(Collectors.toSet());
        List<ResourceReferenceDt> references = resources.stream().flatMap(r -> FhirContext.forDstu2Cached().newTerser()
                .getAllPopulatedChildElementsOfType(r, ResourceReferenceDt.class).stream()).toList();
        assertThat(references).hasSize(5); // subject, author, custodian; careProvider, managingOrganization
        references.forEach(r -> assertThat(ids).contains(r.getReference().getValue()));
    }

    @Test
    void jsonByDefaultAndXmlWhenAskedFor() {
        // _format, Accept with the DSTU2 types; the response is labelled with the DSTU2 types (§1)
        caller().accept(XML).body(request(PATIENT2, "IMM")).post(OPERATION).then().statusCode(200)
                .header("Content-Type", XML + ";charset=utf-8");
        // (the request is sent unencoded: "+" must be given as %2B)
        caller().queryParam("_format", "application%2Fxml%2Bfhir").body(request(PATIENT2, "IMM")).post(OPERATION).then().statusCode(200)
                .header("Content-Type", XML + ";charset=utf-8");
        caller().queryParam("_format", "json").accept(XML).body(request(PATIENT2, "IMM")).post(OPERATION).then().statusCode(200)
                .header("Content-Type", JSON + ";charset=utf-8");
        caller().accept(JSON).body(request(PATIENT2, "IMM")).post(OPERATION).then().statusCode(200)
                .header("Content-Type", JSON + ";charset=utf-8");
        // an XML body is answered in XML unless something else is asked for
        String xmlBody = "<Parameters xmlns=\"http://hl7.org/fhir\"><parameter><name value=\"patientNHSNumber\"/><valueIdentifier>"
                + "<system value=\"" + NHS_SYSTEM + "\"/><value value=\"" + PATIENT2 + "\"/></valueIdentifier></parameter>"
                + "<parameter><name value=\"recordSection\"/><valueCodeableConcept><coding><system value=\"" + SECTION_SYSTEM
                + "\"/><code value=\"IMM\"/></coding></valueCodeableConcept></parameter></Parameters>";
        caller().contentType(XML).body(xmlBody).post(OPERATION).then().statusCode(200).header("Content-Type", XML + ";charset=utf-8");
    }

    @Test
    void xmlResponseCarriesTheSameXhtmlAsJson() throws Exception {
        String xml = caller().accept(XML).body(request(PATIENT2, "IMM")).post(OPERATION).then().statusCode(200).extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("Bundle");
        Element div = (Element) document.getElementsByTagNameNS(XhtmlView.XHTML, "div").item(0);
        assertThat(div).isNotNull();
        // the narrative is XHTML inside the FHIR XML, in the XHTML namespace, with the table of §4.3
        Node table = document.getElementsByTagNameNS(XhtmlView.XHTML, "table").item(0);
        assertThat(((Element) table).getAttribute("id")).isEqualTo("imm-tab");
        assertThat(document.getElementsByTagNameNS(XhtmlView.XHTML, "h1").item(0).getTextContent()).isEqualTo("Immunisations");
        String jsonDiv = div(ok(request(PATIENT2, "IMM")).asString());
        assertThat(div.getTextContent()).isEqualTo(XhtmlView.parse(jsonDiv).root().getTextContent());
    }

    @Test
    void errorsAreDstu2OperationOutcomesInTheAskedForFormat() {
        String xml = caller().accept(XML).body(request(INVALID_NHS_NUMBER, "SUM")).post(OPERATION).then().statusCode(400)
                .header("Content-Type", XML + ";charset=utf-8").header("Cache-Control", "no-store").extract().asString();
        var outcome = FhirContext.forDstu2Cached().newXmlParser().parseResource(ca.uhn.fhir.model.dstu2.resource.OperationOutcome.class, xml);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("INVALID_NHS_NUMBER");
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem()).isEqualTo(ERROR_SYSTEM);
    }

    @Test
    void recordNamesThePatientForTheAudit() {
        post(request(PATIENT2, "SUM")).statusCode(200).header("X-GPC-Audit-NHS-Number", PATIENT2);
    }

    @Test
    void gzipOnRequest() {
        caller().header("Accept-Encoding", "gzip").body(request(PATIENT2, "MED")).post(OPERATION).then().statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    @Test
    void onlyTheGatewaysConsumerTokensAreAccepted() {
        // no token, a forged or expired one: 401 (docs/adr/0001)
        client().contentType(JSON).body(request(PATIENT2, "SUM")).post(OPERATION).then().statusCode(401);
        client().auth().oauth2(InternalTokens.forged(Interaction.HTML_CARE_RECORD)).contentType(JSON)
                .body(request(PATIENT2, "SUM")).post(OPERATION).then().statusCode(401);
        client().auth().oauth2(InternalTokens.expired(Interaction.HTML_CARE_RECORD)).contentType(JSON)
                .body(request(PATIENT2, "SUM")).post(OPERATION).then().statusCode(401);
        // a valid token without the consumer role (an operator's): 403 ACCESS DENIED
        assertOutcome(client().auth().oauth2(InternalTokens.operator("admin", Set.of("practice-admin"))).contentType(JSON)
                .body(request(PATIENT2, "SUM")).post(OPERATION).then(), 403, "ACCESS DENIED");
    }

    @Test
    void practiceNotServedOrHtmlSwitchedOff() {
        assertOutcome(caller().body(request(PATIENT2, "SUM")).post("/A00000/DSTU2/1/gpconnect/fhir/Patient/$gpc.getcarerecord").then(),
                404, "ORGANISATION_NOT_FOUND");
        StructuredApi.update(pool, "UPDATE practice SET html_enabled = false WHERE ods_code = 'B82617'");
        try {
            assertOutcome(post(request(PATIENT2, "SUM")), 403, "ACCESS DENIED");
            // before the body is read
            assertOutcome(post("not even JSON"), 403, "ACCESS DENIED");
        } finally {
            StructuredApi.update(pool, "UPDATE practice SET html_enabled = true WHERE ods_code = 'B82617'");
        }
    }

    private static List<String> profiles(IResource resource) {
        return resource.getMeta().getProfile().stream().map(p -> p.getValueAsString()).toList();
    }
}
