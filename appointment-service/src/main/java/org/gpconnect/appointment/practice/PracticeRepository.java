package org.gpconnect.appointment.practice;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PracticeRepository implements PanacheRepositoryBase<Practice, String> {
}
