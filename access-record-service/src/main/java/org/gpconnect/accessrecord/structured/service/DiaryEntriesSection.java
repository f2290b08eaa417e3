package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.diary.DiaryEntryRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.mapping.DiaryEntryMapper;
import org.gpconnect.accessrecord.structured.repository.DiaryEntryRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Diary entries (access-record-structured.md §6, §8): incomplete recalls only, entries of "Patient recall
 * administration"; with {@code diaryEntriesSearchDate}, those falling due on or before it (a partial date
 * counts from its first day; undated entries always).
 */
@ApplicationScoped
public class DiaryEntriesSection implements AreaSection {

    private final DiaryEntryRepository diary;
    private final DiaryEntryMapper mapper;

    public DiaryEntriesSection(DiaryEntryRepository diary, DiaryEntryMapper mapper) {
        this.diary = diary;
        this.mapper = mapper;
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.DIARY_ENTRIES;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.PROCEDURE_REQUEST);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        Optional<LocalDate> until = ((AreaQuery.DiaryEntries) query).searchDate();
        return diary.forPatient(context.patient().id()).map(all -> {
            AreaContent content = new AreaContent();
            ListWarnings warnings = context.listWarnings();
            List<Reference> entries = new ArrayList<>();
            List<ProcedureRequest> items = new ArrayList<>();
            for (DiaryEntryRecord d : all) {
                if (d.completed() || !dueBy(d, until) || !context.shareable(d.sharing(), d.code(), warnings)) {
                    continue;
                }
                entries.add(new Reference("ProcedureRequest/" + d.id()));
                items.add(mapper.toFhir(d, context.patientReference()));
                content.refersToPractitioner(d.requesterId()).returned(d.id());
            }
            content.add(ListFactory.primary(PrimaryList.DIARY_ENTRIES, context.patientReference(), entries, warnings, context.created()));
            items.forEach(content::add);
            return content;
        });
    }

    static boolean dueBy(DiaryEntryRecord d, Optional<LocalDate> until) {
        return until.isEmpty() || d.occurrence() == null || !d.occurrence().first().isAfter(until.get());
    }
}
