package org.gpconnect.appointment.foundations.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gpconnect.appointment.foundations.OrganizationEntity;
import org.gpconnect.appointment.foundations.repository.OrganizationRepository;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/** Finds and reads organisations (shared reference data, foundations.md §9.3). */
@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;

    public OrganizationService(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    public Uni<List<OrganizationEntity>> findByOdsCode(String odsCode) {
        return organizations.findByOdsCode(odsCode);
    }

    /** The organisation with this logical id, else 404 ORGANISATION_NOT_FOUND. */
    public Uni<OrganizationEntity> read(String id) {
        return organizations.findByLogicalId(id)
                .onItem().ifNull().failWith(() -> new GpConnectException(SpineCode.ORGANISATION_NOT_FOUND,
                        "No organisation with logical id " + id + " was found"));
    }
}
