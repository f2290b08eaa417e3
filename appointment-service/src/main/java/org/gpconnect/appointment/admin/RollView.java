package org.gpconnect.appointment.admin;

/** What a roll did: slots created, free slots withdrawn, once-booked free slots blocked. */
public record RollView(int created, int withdrawn, int blocked) {
}
