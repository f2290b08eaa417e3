package org.gpconnect.accessrecord.structured.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.PracticeSettings;

/**
 * Which clinical areas are on (access-record-structured.md §5): an area is off when it is off estate-wide
 * ({@code gpconnect.access-record.disabled-areas}) or at the practice ({@code practice_clinical_area}).
 * Also the guard that an area this build does not implement can never be switched on: start-up fails,
 * naming the property, rather than the service answering with a made-up empty list.
 */
@ApplicationScoped
public class ClinicalAreaSwitches {

    private final Set<ClinicalArea> estateDisabled;
    private final Map<ClinicalArea, AreaSection> sections = new EnumMap<>(ClinicalArea.class);

    public ClinicalAreaSwitches(AccessRecordConfig config, Instance<AreaSection> sections) {
        Set<ClinicalArea> disabled = config.disabledAreas().orElse(Set.of());
        this.estateDisabled = disabled.isEmpty() ? EnumSet.noneOf(ClinicalArea.class) : EnumSet.copyOf(disabled);
        sections.forEach(section -> this.sections.put(section.area(), section));
    }

    void check(@Observes StartupEvent event) {
        Set<ClinicalArea> missing = unimplementedButOn(sections.keySet(), estateDisabled);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("gpconnect.access-record.disabled-areas (GPC_STRUCTURED_DISABLED_AREAS) "
                    + "must list the clinical areas this version does not implement; missing: "
                    + missing.stream().map(ClinicalArea::configName).collect(Collectors.joining(",")));
        }
    }

    /**
     * The requestable areas with no implementation that the estate-wide setting leaves on. Documents have
     * no section of their own (they come inside consultations, problems and referrals), so they are never
     * "unimplemented".
     */
    static Set<ClinicalArea> unimplementedButOn(Set<ClinicalArea> implemented, Set<ClinicalArea> disabled) {
        Set<ClinicalArea> missing = EnumSet.allOf(ClinicalArea.class);
        missing.removeIf(area -> !area.requestable());
        missing.removeAll(implemented);
        missing.removeAll(disabled);
        return missing;
    }

    /** Whether the area is on at this practice (estate-wide and practice switches both on). */
    public boolean enabled(PracticeSettings practice, ClinicalArea area) {
        return !estateDisabled.contains(area) && !practice.disabledAreas().contains(area)
                && (sections.containsKey(area) || !area.requestable());
    }

    public Optional<AreaSection> section(ClinicalArea area) {
        return Optional.ofNullable(sections.get(area));
    }

    /** The areas that can be on somewhere in this deployment (for the CapabilityStatement). */
    public Set<ClinicalArea> enabledEstateWide() {
        Set<ClinicalArea> on = EnumSet.noneOf(ClinicalArea.class);
        sections.keySet().stream().filter(a -> !estateDisabled.contains(a)).forEach(on::add);
        if (!estateDisabled.contains(ClinicalArea.DOCUMENTS)) {
            on.add(ClinicalArea.DOCUMENTS);
        }
        return on;
    }
}
