package org.reception.rules.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.spi.RuleModuleLedger;
import org.reception.cases.spi.RuleModuleLedger.State;
import org.reception.cases.spi.RuleModuleLedger.Version;
import org.reception.rules.admin.RuleModuleRejection;
import org.reception.rules.admin.RuleModuleSource;

/**
 * What the host knows of every version of every jurisdiction's module beyond what serves and is
 * kept ({@link RuleBases}): where each came from, which a rollback set aside, which were refused;
 * written through to the {@link RuleModuleLedger} after every change, read back from it when the
 * host starts. Guarded by the host's lock of changes.
 */
final class ModuleRecords {

    private static final Logger LOG = LogManager.getLogger(ModuleRecords.class);
    /** Versions set aside, and refusals, remembered per jurisdiction. */
    static final int REMEMBERED = 10;

    /** A version the host no longer serves nor keeps, and will not restore. */
    record Remembered(String fingerprint, String moduleId, String version, String origin, String source,
                      Instant changedAt, String refusal) {
    }

    private final RuleModuleLedger ledger;
    /** Where each version serving or kept came from, by fingerprint; absent once its source was removed. */
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final Map<String, List<Remembered>> setAside = new LinkedHashMap<>();
    private final Map<String, List<Remembered>> refused = new LinkedHashMap<>();
    /** Kept versions withdrawn because their bundle stopped: a start of that bundle brings them back. */
    private final Set<String> withdrawnOnStop = ConcurrentHashMap.newKeySet();
    /** The fingerprints whose files the ledger holds. */
    private final Set<String> filed = new HashSet<>();
    /** The state each version was last recorded in, by jurisdiction and fingerprint. */
    private final Map<String, Version> recorded = new ConcurrentHashMap<>();

    /** Whether the ledger was read: until it is, nothing is written, for a write replaces what it holds. */
    private volatile boolean read;

    ModuleRecords(RuleModuleLedger ledger) {
        this.ledger = ledger;
    }

    /** @return every version recorded, for the host to restore */
    List<Version> read() {
        List<Version> versions = ledger.versions();
        read = true;
        for (Version version : versions) {
            recorded.put(key(version.jurisdiction(), version.fingerprint()), version);
            switch (version.state()) {
                case ACTIVE, KEPT, WITHDRAWN -> {
                    filed.add(version.fingerprint());
                    if (version.state() == State.WITHDRAWN) {
                        withdrawnOnStop.add(version.fingerprint());
                    }
                    if (version.source() != null) {
                        sources.put(version.fingerprint(), version.source());
                    }
                }
                case SET_ASIDE -> setAside.computeIfAbsent(version.jurisdiction(), j -> new ArrayList<>())
                        .add(remembered(version));
                case REFUSED -> refused.computeIfAbsent(version.jurisdiction(), j -> new ArrayList<>())
                        .add(remembered(version));
            }
        }
        return versions;
    }

    /** The version as last recorded, if it ever was. */
    Optional<Version> known(String jurisdiction, String fingerprint) {
        return Optional.ofNullable(recorded.get(key(jurisdiction, fingerprint)));
    }

    Optional<String> sourceOf(CompiledRuleModule module) {
        return Optional.ofNullable(sources.get(module.fingerprint()));
    }

    void arrived(CompiledRuleModule module, String source) {
        sources.put(module.fingerprint(), source);
        withdrawnOnStop.remove(module.fingerprint());
        for (Map<String, List<Remembered>> versions : List.of(setAside, refused)) {
            List<Remembered> list = versions.get(module.jurisdiction());
            if (list != null) {
                list.removeIf(version -> version.fingerprint().equals(module.fingerprint()));
            }
        }
    }

    /** The module decides again (a rollback brought it back): it is no longer one withdrawn on a stop. */
    void decides(CompiledRuleModule module) {
        withdrawnOnStop.remove(module.fingerprint());
    }

    /** The module was withdrawn because its bundle stopped (not removed, not replaced). */
    void withdrawnOnStop(CompiledRuleModule module) {
        withdrawnOnStop.add(module.fingerprint());
    }

    void setAside(CompiledRuleModule module, Instant now) {
        remember(setAside, module.jurisdiction(), new Remembered(module.fingerprint(), module.id(), module.version(),
                module.source().origin(), sources.get(module.fingerprint()), now, null));
    }

    void refused(RuleModuleSource source, String from, RuleModuleRejection rejection) {
        remember(refused, source.jurisdiction(), new Remembered(CompiledRuleModule.fingerprint(source), source.id(),
                source.version(), source.origin(), from, rejection.rejectedAt(), String.join("\n", rejection.errors())));
    }

    /**
     * The source is gone: no version names it any more.
     *
     * @return the jurisdictions that had a version from it, whose record changes
     */
    Set<String> sourceRemoved(String source) {
        Set<String> touched = new java.util.TreeSet<>();
        recorded.values().stream().filter(version -> source.equals(version.source()))
                .forEach(version -> touched.add(version.jurisdiction()));
        // A version whose bundle is gone, not stopped, no longer comes back by itself.
        sources.forEach((fingerprint, from) -> {
            if (source.equals(from)) {
                withdrawnOnStop.remove(fingerprint);
            }
        });
        sources.values().removeIf(source::equals);
        for (Map<String, List<Remembered>> versions : List.of(setAside, refused)) {
            versions.values().forEach(list -> list.replaceAll(version -> source.equals(version.source())
                    ? new Remembered(version.fingerprint(), version.moduleId(), version.version(), version.origin(),
                            null, version.changedAt(), version.refusal())
                    : version));
        }
        return touched;
    }

    /** The jurisdiction of a module id the ledger knows, serving or not. */
    Optional<String> jurisdictionOf(String moduleId) {
        return recorded.values().stream().filter(version -> version.moduleId().equals(moduleId))
                .map(Version::jurisdiction).findFirst();
    }

    /** The refusals recorded, newest first, as administrators see them. */
    List<RuleModuleRejection> rejections() {
        List<RuleModuleRejection> all = new ArrayList<>();
        refused.forEach((jurisdiction, versions) -> versions.forEach(version -> all.add(new RuleModuleRejection(
                version.moduleId(), version.version(), jurisdiction, version.origin(), version.changedAt(),
                version.refusal() == null ? List.of() : List.of(version.refusal().split("\n"))))));
        all.sort((a, b) -> b.rejectedAt().compareTo(a.rejectedAt()));
        return all;
    }

    /**
     * Writes the jurisdiction's versions to the ledger as they are now. A failure is logged, not
     * thrown: the change holds until the next restart, and the next change writes it again.
     */
    void save(String jurisdiction, RuleBases ruleBases) {
        if (!read) {
            LOG.error("The rule module versions of {} are not recorded: the ledger could not be read when the host"
                    + " started, and a write would replace what it holds; restart the host once the database answers",
                    jurisdiction);
            return;
        }
        Map<String, Version> versions = new LinkedHashMap<>();
        ruleBases.serving(jurisdiction).ifPresent(serving -> put(versions, serving.module().source(),
                serving.module().fingerprint(), serving.module().ruleCount(), State.ACTIVE, 0, serving.since(), null));
        List<RuleBases.Kept> kept = ruleBases.kept(jurisdiction);
        Instant now = Instant.now();
        for (int i = 0; i < kept.size(); i++) {
            RuleBases.Kept version = kept.get(i);
            put(versions, version.source(), version.fingerprint(), version.ruleCount(),
                    withdrawnOnStop.contains(version.fingerprint()) ? State.WITHDRAWN : State.KEPT, i, now, null);
        }
        putRemembered(versions, jurisdiction, setAside.getOrDefault(jurisdiction, List.of()), State.SET_ASIDE);
        putRemembered(versions, jurisdiction, refused.getOrDefault(jurisdiction, List.of()), State.REFUSED);
        try {
            ledger.record(jurisdiction, List.copyOf(versions.values()));
            // A version no longer recorded lost its files with its row: if it comes back, they are written again.
            recorded.values().stream().filter(old -> old.jurisdiction().equals(jurisdiction))
                    .filter(old -> !versions.containsKey(old.fingerprint()))
                    .forEach(old -> filed.remove(old.fingerprint()));
            recorded.keySet().removeIf(key -> key.startsWith(jurisdiction + "/"));
            versions.values().forEach(version -> {
                recorded.put(key(jurisdiction, version.fingerprint()), version);
                if (version.state() == State.SET_ASIDE || version.state() == State.REFUSED) {
                    filed.remove(version.fingerprint());
                    withdrawnOnStop.remove(version.fingerprint());
                } else if (version.files() != null) {
                    filed.add(version.fingerprint());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("The rule module versions of {} could not be recorded; they hold until a restart: {}",
                    jurisdiction, e.getMessage(), e);
        }
    }

    private void put(Map<String, Version> versions, RuleModuleSource source, String fingerprint, int ruleCount,
                     State state, int position, Instant changedAt, String refusal) {
        Version previous = recorded.get(key(source.jurisdiction(), fingerprint));
        Instant since = previous != null && previous.state() == state ? previous.changedAt() : changedAt;
        versions.putIfAbsent(fingerprint, new Version(source.jurisdiction(), fingerprint, bounded(source.id(), 200),
                bounded(source.version(), 100), bounded(source.origin(), 500), bounded(sources.get(fingerprint), 1000),
                state, position, ruleCount,
                state == State.ACTIVE ? changedAt : since, refusal,
                filed.contains(fingerprint) ? null : ModuleArchive.pack(source)));
    }

    private static void putRemembered(Map<String, Version> versions, String jurisdiction, List<Remembered> remembered,
                                      State state) {
        for (int i = 0; i < remembered.size(); i++) {
            Remembered version = remembered.get(i);
            versions.putIfAbsent(version.fingerprint(), new Version(jurisdiction, version.fingerprint(),
                    bounded(version.moduleId(), 200), bounded(version.version(), 100), bounded(version.origin(), 500),
                    bounded(version.source(), 1000), state, i, 0,
                    version.changedAt(), version.refusal(), null));
        }
    }

    private static void remember(Map<String, List<Remembered>> versions, String jurisdiction, Remembered version) {
        List<Remembered> list = versions.computeIfAbsent(jurisdiction, j -> new ArrayList<>());
        list.removeIf(old -> old.fingerprint().equals(version.fingerprint()));
        list.add(0, version);
        while (list.size() > REMEMBERED) {
            list.remove(list.size() - 1);
        }
    }

    private static Remembered remembered(Version version) {
        return new Remembered(version.fingerprint(), version.moduleId(), version.version(), version.origin(),
                version.source(), version.changedAt(), version.refusal());
    }

    /** The columns of the ledger are bounded; a refused upload's id or origin may be anything. */
    private static String bounded(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String key(String jurisdiction, String fingerprint) {
        return jurisdiction + "/" + fingerprint;
    }
}
