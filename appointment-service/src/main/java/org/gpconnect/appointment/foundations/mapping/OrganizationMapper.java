package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.appointment.foundations.OrganizationEntity;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.Address.AddressUse;
import org.hl7.fhir.dstu3.model.Organization;

/**
 * An organisation as a CareConnect-GPC-Organization-1 (foundations.md §9.3): ODS code, name, address and
 * telecom. Never {@code contact} or {@code endpoint}.
 */
@ApplicationScoped
public class OrganizationMapper {

    public Organization toFhir(OrganizationEntity entity) {
        Organization organization = ResourceMeta.stamp(new Organization(), entity.id, FhirProfiles.ORGANIZATION, entity.version);
        organization.addIdentifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE).setValue(entity.odsCode);
        organization.setName(entity.name);
        var phone = DataTypes.workPhone(entity.phone);
        if (phone != null) {
            organization.addTelecom(phone);
        }
        var address = DataTypes.address(AddressUse.WORK, entity.addressLines, entity.city, entity.district, null,
                entity.postalCode, entity.country);
        if (address != null) {
            organization.addAddress(address);
        }
        return organization;
    }
}
