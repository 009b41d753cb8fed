package org.reception.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.reception.cases.Category;
import org.reception.cases.Forbidden;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PlatformTime;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.access.Role;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.divisions.Units;
import org.reception.cases.spi.ListScope;
import org.reception.cases.spi.StatisticsStore;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.RollupCheck;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsQuery;
import org.reception.cases.statistics.StatisticsRow;

/**
 * The statistics, counted over exactly the cases each caller may read: the scope a list of cases
 * has ({@link CaseAccess#statisticsScope}), so a case kept from a caller's unit never counts for it.
 */
// Two configurations, its own and the deadline watch's (for "due soon"): metatype designates one pid
// per component, so StatisticsConfig's description is for the documentation (docs/operations.md).
@Component(service = PetitionStatistics.class, configurationPid = {StatisticsConfig.PID, DeadlineConfig.PID})
public final class StatisticsDesk implements PetitionStatistics {

    /** Who reads statistics: the reception center, the units (of their own cases), auditors and administrators. */
    static final Set<Role> READERS = EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.HANDLING_UNIT, Role.AUDITOR,
            Role.ADMINISTRATOR);

    private final StatisticsStore store;
    private final PlatformTime clock;
    private volatile int minimumCell;
    private volatile int dueSoonDays;

    /** @param deadlines the deadline watch's: "due soon" means the same days in the figures as in its events */
    @Activate
    public StatisticsDesk(@Reference StatisticsStore store, @Reference PlatformTime clock, StatisticsConfig config,
                          DeadlineConfig deadlines) {
        this.store = store;
        this.clock = clock;
        modified(config, deadlines);
    }

    /** A new minimum applies to the next request. */
    @Modified
    void modified(StatisticsConfig config, DeadlineConfig deadlines) {
        minimumCell = config.minimumCell();
        dueSoonDays = deadlines.dueSoonDays();
    }

    @Override
    public Statistics statistics(Caller caller, StatisticsQuery query) {
        if (!caller.hasAny(READERS)) {
            throw new Forbidden("statistics are read by " + READERS.stream().map(Role::roleName).toList());
        }
        String prefix = query.jurisdiction() == null ? "" : Jurisdictions.prefix(query.jurisdiction().strip());
        Optional<Division> division = Divisions.reference().find(prefix);
        List<Violation> violations = new ArrayList<>();
        if (division.isEmpty()) {
            violations.add(new Violation("jurisdiction", "must be the code of a division (2, 4 or 6 digits), such as 5201"));
        }
        if (query.period().tooLong()) {
            violations.add(new Violation("to", "a period covers at most " + Period.MAX_YEARS + " years"));
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        LocalDate today = clock.today();
        ListScope scope = CaseAccess.statisticsScope(caller, prefix);
        LocalDate dueSoonUntil = today.plusDays(dueSoonDays);
        Period previous = query.period().previous();
        Map<String, Figures> rows = store.figures(prefix, query.period(), query.by(), scope, today, dueSoonUntil);
        Map<String, Figures> before = store.figures(prefix, previous, query.by(), scope, today, dueSoonUntil);
        Period lastYear = query.period().sameLastYear();
        // A year's period before is the same year a year before: counted once.
        Map<String, Figures> yearBefore = lastYear.equals(previous) ? before
                : store.figures(prefix, lastYear, query.by(), scope, today, dueSoonUntil);
        int minimum = minimumCell;
        boolean exact = query.by() != Dimension.UNIT || CaseAccess.overseesWhole(caller, prefix);
        List<StatisticsRow> shown = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Map.Entry<String, Figures> row : new TreeMap<>(rows).entrySet()) {
            total = total.plus(row.getValue());
            Set<String> suppressed = exact ? Set.of() : suppressed(row.getValue(), minimum);
            // What the reader may not read exactly does not leave the desk.
            shown.add(new StatisticsRow(row.getKey(), label(query.by(), row.getKey()),
                    row.getValue().without(suppressed), suppressed));
        }
        Figures previousTotal = before.values().stream().reduce(Figures.ZERO, Figures::plus);
        Figures lastYearTotal = yearBefore.values().stream().reduce(Figures.ZERO, Figures::plus);
        return new Statistics(prefix, division.get().name(), query.period(), previous, query.by(), today, minimum,
                shown, total, previousTotal, lastYear, lastYearTotal, store.escalations(prefix, query.period(), scope));
    }

    @Override
    public RollupCheck checkRollup(Caller caller) {
        administrator(caller);
        return store.checkRollup();
    }

    @Override
    public void recountRollup(Caller caller) {
        administrator(caller);
        store.recountRollup();
    }

    private static void administrator(Caller caller) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw new Forbidden("the statistics' rollup is checked and recounted by " + Role.ADMINISTRATOR.roleName());
        }
    }

    /** The counts from 1 to {@code minimum - 1}: few enough to point at a person. */
    static Set<String> suppressed(Figures figures, int minimum) {
        Set<String> names = new java.util.LinkedHashSet<>();
        Map<String, Number> all = figures.byName();
        for (String name : Figures.COUNTS) {
            long value = all.get(name).longValue();
            if (value > 0 && value < minimum) {
                names.add(name);
            }
        }
        return names;
    }

    static String label(Dimension by, String key) {
        return switch (by) {
            case DIVISION -> Divisions.reference().find(key).map(Division::name).orElse(null);
            case UNIT -> Units.name(key).orElse(null);
            case CATEGORY -> {
                try {
                    yield Category.valueOf(key).label();
                } catch (IllegalArgumentException unknown) {
                    yield null;
                }
            }
            default -> null;
        };
    }
}
