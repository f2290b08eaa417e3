package org.gpconnect.appointment.foundations.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.appointment.foundations.LocationEntity;
import org.gpconnect.appointment.foundations.repository.LocationRepository;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/** Reads locations (shared reference data, foundations.md §9.5; there is no Location search). */
@ApplicationScoped
public class LocationService {

    private final LocationRepository locations;

    public LocationService(LocationRepository locations) {
        this.locations = locations;
    }

    /** The location with this logical id, else 404 NO_RECORD_FOUND (GP Connect has no Location-specific code). */
    public Uni<LocationEntity> read(String id) {
        return locations.findByLogicalId(id)
                .onItem().ifNull().failWith(() -> new GpConnectException(SpineCode.NO_RECORD_FOUND,
                        "No location with logical id " + id + " was found"));
    }
}
