package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.accessrecord.record.problem.ProblemLink;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.mapping.ProblemHeaderMapper;
import org.gpconnect.accessrecord.structured.repository.ProblemRepository;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The one related-problems list of a response (access-record-structured.md §6, §7.2): the problems linked
 * to returned items, or linked from returned problems, that are not themselves in the response's
 * "Problems" list: "Problems - linked problems not relating to the primary query".
 */
@ApplicationScoped
public class RelatedProblems {

    static final String TITLE = "Problems - linked problems not relating to the primary query";

    private final ProblemRepository problems;
    private final ProblemHeaderMapper mapper;

    public RelatedProblems(ProblemRepository problems, ProblemHeaderMapper mapper) {
        this.problems = problems;
        this.mapper = mapper;
    }

    public Uni<Optional<AreaContent>> build(RecordContext context, Set<UUID> returned) {
        if (returned.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return problems.forPatient(context.patient().id()).map(all -> {
            Set<UUID> related = new LinkedHashSet<>();
            for (ProblemLink link : all.links()) {
                if (returned.contains(link.itemId())) {
                    related.add(link.problemId());
                }
                if (link.toProblem() && returned.contains(link.problemId())) {
                    related.add(link.itemId());
                }
            }
            related.removeAll(returned);
            if (related.isEmpty()) {
                return Optional.empty();
            }
            AreaContent content = new AreaContent();
            ListWarnings warnings = context.listWarnings();
            List<Reference> entries = new ArrayList<>();
            List<Condition> conditions = new ArrayList<>();
            for (ProblemRecord p : all.problems()) {
                if (!related.contains(p.id()) || !context.shareable(p.sharing(), p.code(), warnings)) {
                    continue;
                }
                entries.add(new Reference("Condition/" + p.id()));
                conditions.add(mapper.toFhir(p, all.links().stream().filter(l -> l.problemId().equals(p.id())).toList(),
                        context.patientReference()));
                content.refersToPractitioner(p.asserterId());
            }
            if (entries.isEmpty() && !warnings.itemsExcluded()) {
                return Optional.empty();
            }
            content.add(ListFactory.secondary(TITLE, context.patientReference(), entries, warnings, context.created()));
            conditions.forEach(content::add);
            return Optional.of(content);
        });
    }
}
