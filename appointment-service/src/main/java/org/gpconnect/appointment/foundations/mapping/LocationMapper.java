package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.appointment.foundations.LocationEntity;
import org.gpconnect.common.fhir.careconnect.CareConnectDataTypes;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.Address.AddressUse;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Location.LocationStatus;

/**
 * A site as a CareConnect-GPC-Location-1 (foundations.md §9.5): ODS site code, name, status, address,
 * telecom and managing organisation. Never {@code endpoint}.
 */
@ApplicationScoped
public class LocationMapper {

    public Location toFhir(LocationEntity entity) {
        Location location = ResourceMeta.stamp(new Location(), entity.id, CareConnectProfiles.LOCATION, entity.version);
        if (CareConnectDataTypes.present(entity.odsSiteCode)) {
            location.addIdentifier().setSystem(IdentifierSystems.ODS_SITE_CODE).setValue(entity.odsSiteCode);
        }
        location.setStatus(LocationStatus.fromCode(entity.status));
        location.setName(entity.name);
        var phone = CareConnectDataTypes.workPhone(entity.phone);
        if (phone != null) {
            location.addTelecom(phone);
        }
        location.setAddress(CareConnectDataTypes.address(AddressUse.WORK, entity.addressLines, entity.city, entity.district,
                entity.state, entity.postalCode, entity.country));
        if (entity.managingOrganizationId != null) {
            location.setManagingOrganization(CareConnectDataTypes.reference("Organization", entity.managingOrganizationId));
        }
        return location;
    }
}
