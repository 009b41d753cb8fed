package org.reception.rules.host;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.reception.cases.RuleDecisions;
import org.reception.cases.Sha256;
import org.reception.cases.divisions.DivisionLevel;
import org.reception.cases.health.HealthCheck;
import org.reception.cases.health.HealthStatus;
import org.reception.cases.spi.RuleEngine;
import org.reception.cases.spi.RuleModuleLedger;
import org.reception.rules.PetitionFact;
import org.reception.rules.RuleModules;
import org.reception.rules.admin.DeployOutcome;
import org.reception.rules.admin.ModuleTestReport;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleCandidate;
import org.reception.rules.admin.RuleModuleDetail;
import org.reception.rules.admin.RuleModuleInfo;
import org.reception.rules.admin.RuleModuleInvalid;
import org.reception.rules.admin.RuleModuleRejection;
import org.reception.rules.admin.RuleModuleSource;

/**
 * The rules host. An extender: it compiles and validates the rule module of every bundle that
 * declares one as the bundle starts, and publishes it for its jurisdiction with one reference swap.
 * A stopped bundle's module keeps deciding for a short delay, so that an update in place (stop,
 * update, start) swaps versions without a gap; an uninstalled one is withdrawn at once. A module
 * that fails validation is refused and the version serving before goes on. It also compiles plain
 * DRL files dropped into {@code deploy/} as modules ({@link ArtifactInstaller}).
 *
 * <p>Every version it serves, keeps, sets aside by a rollback or refuses is recorded in the
 * {@link RuleModuleLedger}, with the files of those that may decide again. When the host starts it
 * restores from there what decided and what was kept, and a source that presents a version the
 * ledger knows from that very source (the same bundle restarting, the same file found again)
 * changes nothing: the version deciding before a restart decides after it. A version arriving
 * anew (a bundle installed or updated, a file written) is validated and published as always.
 */
@Component(service = {RuleEngine.class, RuleAdministration.class, HealthCheck.class, ArtifactInstaller.class},
        configurationPid = RulesHostConfig.PID,
        property = HealthCheck.NAME + "=rules")
@Designate(ocd = RulesHostConfig.class)
public final class RulesHost implements RuleEngine, RuleAdministration, HealthCheck, ArtifactInstaller {

    private static final Logger LOG = LogManager.getLogger(RulesHost.class);
    private static final Pattern DRL_FILE = Pattern.compile(RuleModules.DRL_FILE_PATTERN);
    private static final int REJECTIONS_KEPT = 50;
    private static final String UPLOADED_LOCATION = "reception:rule-module/";
    /** How a rule file in {@code deploy/} is named as a source: by its absolute path. */
    private static final String FILE_SOURCE = "drl:";

    private final RuleEvaluator evaluator;
    private final RuleBases ruleBases;
    private final RuleModuleCompiler compiler;
    private final LayeredDecider decider;
    private final BundleContext context;
    private final BundleTracker<CompiledRuleModule> tracker;
    private volatile int withdrawDelaySeconds;
    private final ScheduledExecutorService withdrawals = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "reception-rules-withdrawal");
        thread.setDaemon(true);
        return thread;
    });
    /** The module each bundle last published; kept while the bundle is stopped, dropped when it is uninstalled. */
    private final Map<Long, CompiledRuleModule> publishedBy = new ConcurrentHashMap<>();
    private final Map<Long, PendingWithdrawal> pendingWithdrawals = new ConcurrentHashMap<>();

    /** A module whose bundle was stopped by hand, and the withdrawal that waits for the delay. */
    private record PendingWithdrawal(CompiledRuleModule module, ScheduledFuture<?> future) {
    }
    private final ModuleRecords records;
    /** Held by every change of what serves, is kept or is recorded, so that the ledger sees them in order. */
    private final Object changes = new Object();
    /** Bundles installed or updated since the host started: what they carry arrives anew. */
    private final Set<Long> delivered = ConcurrentHashMap.newKeySet();
    /** Bundles and rule files presented since the host started: a second presentation is an arrival. */
    private final Set<Long> presented = ConcurrentHashMap.newKeySet();
    private final Set<String> presentedFiles = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private final Deque<RuleModuleRejection> rejections = new ArrayDeque<>();
    /** Modules validated by {@link #deploy} just before their bundle starts: not compiled twice. */
    private final Map<String, CompiledRuleModule> validated = new ConcurrentHashMap<>();
    private final SynchronousBundleListener bundleChanges = this::bundleChanged;

    @Activate
    public RulesHost(BundleContext context, RulesHostConfig config, @Reference RuleModuleLedger ledger) {
        this.context = context;
        this.evaluator = new RuleEvaluator(config.fireLimit(), config.timeLimitMillis());
        this.ruleBases = new RuleBases(config.keptVersions());
        this.compiler = new RuleModuleCompiler(evaluator);
        this.decider = new LayeredDecider(ruleBases, evaluator);
        this.withdrawDelaySeconds = config.withdrawDelaySeconds();
        this.records = new ModuleRecords(ledger);
        restore();
        context.addBundleListener(bundleChanges);
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new ModuleTracking());
        this.tracker.open();
    }

    /**
     * A change of {@code etc/org.reception.rules.cfg} applies while the host serves: no module is
     * compiled again, no version or rollback history is lost, and no request waits.
     */
    @Modified
    void modified(RulesHostConfig config) {
        evaluator.limits(config.fireLimit(), config.timeLimitMillis());
        ruleBases.keepVersions(config.keptVersions());
        withdrawDelaySeconds = config.withdrawDelaySeconds();
        LOG.info("Rules host now: fire limit {}, time limit {} ms, {} version(s) kept, withdrawal after {} s",
                config.fireLimit(), config.timeLimitMillis(), config.keptVersions(), config.withdrawDelaySeconds());
    }

    @Deactivate
    void deactivate() {
        // A bundle stopped by hand before the host stops is withdrawn now, not after the restart:
        // otherwise its version would be restored and decide with its bundle stopped.
        for (Map.Entry<Long, PendingWithdrawal> pending : pendingWithdrawals.entrySet()) {
            pending.getValue().future().cancel(false);
            withdrawStopped(pending.getValue().module(), "its bundle was stopped before the host stopped");
        }
        pendingWithdrawals.clear();
        // Stopping the host is no change of what decides: nothing it withdraws from now on is recorded.
        closing = true;
        tracker.close();
        context.removeBundleListener(bundleChanges);
        withdrawals.shutdownNow();
        evaluator.close();
    }

    @Override
    public RuleDecisions decide(PetitionFact petition, Instant decidedAt) {
        return decider.decide(petition, decidedAt);
    }

    // --- administration ---------------------------------------------------------------------

    @Override
    public List<RuleModuleInfo> activeModules() {
        return ruleBases.all().stream()
                .sorted(Comparator.comparing(serving -> serving.module().jurisdiction()))
                .map(serving -> serving.module().info(serving.since(), RuleModuleInfo.State.ACTIVE))
                .toList();
    }

    @Override
    public Optional<RuleModuleDetail> module(String idOrJurisdiction) {
        Optional<String> jurisdiction = jurisdictionOf(idOrJurisdiction);
        if (jurisdiction.isEmpty()) {
            return Optional.empty();
        }
        Optional<RuleBases.Serving> serving = ruleBases.serving(jurisdiction.get());
        List<RuleBases.Kept> kept = ruleBases.kept(jurisdiction.get());
        RuleBases.Kept shown = serving.map(s -> RuleBases.Kept.of(s.module())).orElse(kept.isEmpty() ? null : kept.get(0));
        if (shown == null) {
            return Optional.empty();
        }
        List<RuleModuleRejection> refused;
        synchronized (rejections) {
            refused = rejections.stream().filter(r -> r.jurisdiction().equals(jurisdiction.get())).toList();
        }
        return Optional.of(new RuleModuleDetail(
                serving.map(s -> s.module().info(s.since(), RuleModuleInfo.State.ACTIVE)).orElse(null),
                kept.stream().map(RuleBases.Kept::info).toList(),
                shown.compiled() == null ? List.of() : shown.compiled().ruleNames(),
                List.copyOf(shown.source().tests().keySet()),
                shown.compiled() == null ? 0 : shown.compiled().counters().evaluations(),
                shown.compiled() == null ? 0 : shown.compiled().counters().runaways(), refused));
    }

    @Override
    public List<RuleModuleRejection> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    @Override
    public DeployOutcome deploy(InputStream moduleJar) throws IOException {
        byte[] jar = moduleJar.readAllBytes();
        RuleModuleSource source = readJar(jar, "upload");
        try {
            CompiledRuleModule module = compiler.compile(source);
            refuseASecondModuleId(module);
            validated.put(CompiledRuleModule.fingerprint(source), module);
        } catch (RuleModuleRejected e) {
            reject(e, UPLOADED_LOCATION + source.id());
            return new DeployOutcome(false, servingInfo(source.jurisdiction()), e.errors());
        }
        try {
            Optional<Bundle> existing = bundleOfModule(source.id());
            if (existing.isPresent()) {
                existing.get().update(new ByteArrayInputStream(jar));
                if (existing.get().getState() != Bundle.ACTIVE) {
                    existing.get().start();
                }
            } else {
                Bundle installed = context.installBundle(UPLOADED_LOCATION + source.id(), new ByteArrayInputStream(jar));
                installed.start();
            }
        } catch (BundleException e) {
            return new DeployOutcome(false, servingInfo(source.jurisdiction()),
                    List.of("the module's bundle cannot be installed or started: " + e.getMessage()));
        } finally {
            // Used by the bundle's start, which has happened by now; or not needed.
            validated.remove(CompiledRuleModule.fingerprint(source));
        }
        RuleModuleInfo now = servingInfo(source.jurisdiction());
        boolean accepted = now != null && now.id().equals(source.id()) && now.version().equals(source.version());
        return new DeployOutcome(accepted, now, accepted ? List.of()
                : List.of("the host did not publish it; see rules:info " + source.id() + " for the rejection"));
    }

    @Override
    public RuleModuleInfo rollback(String idOrJurisdiction) {
        String jurisdiction = jurisdictionOf(idOrJurisdiction)
                .orElseThrow(() -> new IllegalStateException("no module " + idOrJurisdiction + " is known"));
        Instant now = Instant.now();
        synchronized (changes) {
            Optional<CompiledRuleModule> replaced = ruleBases.forJurisdiction(jurisdiction);
            CompiledRuleModule previous;
            try {
                previous = ruleBases.rollback(jurisdiction, now, compiler::compile)
                        .orElseThrow(() -> new IllegalStateException("no earlier version of the module of "
                                + jurisdiction + " is kept"));
            } catch (RuleModuleRejected e) {
                throw new RuleModuleInvalid("the kept version " + e.module().version() + " of " + e.module().id()
                        + " no longer passes validation; nothing changed", e.errors());
            }
            // Set aside, not kept: a second rollback goes one further back, and a restart does not bring it back.
            replaced.ifPresent(module -> records.setAside(module, now));
            records.decides(previous);
            records.save(jurisdiction, ruleBases);
            LOG.info("Rule module {} rolled back to version {} for jurisdiction {}", previous.id(), previous.version(),
                    jurisdiction);
            return previous.info(now, RuleModuleInfo.State.ACTIVE);
        }
    }

    @Override
    public Optional<ModuleTestReport> test(String idOrJurisdiction) {
        return jurisdictionOf(idOrJurisdiction).flatMap(ruleBases::forJurisdiction)
                .map(module -> ModuleTests.run(module, evaluator));
    }

    @Override
    public RuleCandidate candidate(InputStream moduleJar) throws IOException {
        RuleModuleSource source = readJar(moduleJar.readAllBytes(), "candidate");
        CompiledRuleModule candidate;
        try {
            candidate = compiler.compile(source);
        } catch (RuleModuleRejected e) {
            throw new RuleModuleInvalid("rule module " + source.id() + " " + source.version() + " is invalid",
                    e.errors());
        }
        RuleModuleInfo info = candidate.info(null, RuleModuleInfo.State.SUPERSEDED);
        return new RuleCandidate() {
            @Override
            public RuleModuleInfo module() {
                return info;
            }

            @Override
            public RuleDecisions decideWithCandidate(PetitionFact petition, Instant decidedAt) {
                return decider.decide(petition, decidedAt, candidate);
            }

            @Override
            public RuleDecisions decideAsServing(PetitionFact petition, Instant decidedAt) {
                return decider.decide(petition, decidedAt);
            }
        };
    }

    @Override
    public HealthStatus check() {
        // Intake only accepts jurisdictions of the platform's province, so a province module suffices.
        return ruleBases.all().stream().map(RuleBases.Serving::module)
                .filter(module -> module.jurisdiction().length() == DivisionLevel.PROVINCE.codeLength())
                .filter(module -> !module.counters().suspended())
                .findFirst()
                .map(module -> HealthStatus.up("province module " + module.id() + " " + module.version()
                        + " serves; " + ruleBases.all().size() + " module(s) loaded"))
                .orElseGet(() -> HealthStatus.down("no province rule module is serving"));
    }

    // --- plain DRL files in deploy/ -----------------------------------------------------------

    @Override
    public boolean canHandle(File artifact) {
        return DRL_FILE.matcher(artifact.getName()).matches();
    }

    /** A file found when the host starts, or dropped since: new unless the ledger knows it from this file. */
    @Override
    public void install(File artifact) throws Exception {
        String from = FILE_SOURCE + artifact.getAbsolutePath();
        ruleFile(artifact, !presentedFiles.add(from));
    }

    @Override
    public void update(File artifact) throws Exception {
        presentedFiles.add(FILE_SOURCE + artifact.getAbsolutePath());
        ruleFile(artifact, true);
    }

    @Override
    public void uninstall(File artifact) {
        String from = FILE_SOURCE + artifact.getAbsolutePath();
        presentedFiles.remove(from);
        sourceRemoved(from, "its file was removed");
    }

    private void ruleFile(File artifact, boolean arrived) throws IOException {
        Matcher name = DRL_FILE.matcher(artifact.getName());
        if (!name.matches()) {
            return;
        }
        String drl = Files.readString(artifact.toPath(), StandardCharsets.UTF_8);
        RuleModuleSource source = new RuleModuleSource(name.group(2), "drl-" + Sha256.hex(drl).substring(0, 12), name.group(1),
                Map.of("/" + artifact.getName(), drl), Map.of(), "file deploy/" + artifact.getName());
        String from = FILE_SOURCE + artifact.getAbsolutePath();
        if (!arrived && recall(source, from, true).isPresent()) {
            return;
        }
        try {
            publishArrival(compiler.compile(source), from);
        } catch (RuleModuleRejected e) {
            reject(e, from);
        }
    }

    // --- internals ----------------------------------------------------------------------------

    private void publish(CompiledRuleModule module) {
        Optional<CompiledRuleModule> replaced = ruleBases.publish(module, Instant.now());
        LOG.info("Rule module {} {} for jurisdiction {} active ({}): {} rules, {} test case(s) passed{}",
                module.id(), module.version(), module.jurisdiction(), module.source().origin(), module.ruleCount(),
                module.source().tests().size(), replaced.map(old -> ", replacing " + old.version()).orElse(""));
    }

    /**
     * Publishes a version that arrived from {@code from} and records it.
     *
     * @throws RuleModuleRejected if another module id serves its jurisdiction
     */
    private void publishArrival(CompiledRuleModule module, String from) throws RuleModuleRejected {
        synchronized (changes) {
            refuseASecondModuleId(module);
            publish(module);
            records.arrived(module, from);
            records.save(module.jurisdiction(), ruleBases);
        }
    }

    /**
     * One module id per jurisdiction: a second one would silently take over, and its removal would
     * leave the jurisdiction with no module although the first is still installed.
     */
    private void refuseASecondModuleId(CompiledRuleModule module) throws RuleModuleRejected {
        Optional<CompiledRuleModule> serving = ruleBases.forJurisdiction(module.jurisdiction());
        if (serving.isPresent() && !serving.get().id().equals(module.id())) {
            throw new RuleModuleRejected(module.source(), List.of("jurisdiction " + module.jurisdiction()
                    + " is served by module " + serving.get().id() + ": a second module id for it is refused;"
                    + " give this module the id " + serving.get().id() + " to replace that one, or remove the source of "
                    + serving.get().id() + " (" + serving.get().source().origin() + ") first"));
        }
    }

    /**
     * What the ledger says of a version presented again by the source it came from, as when the
     * platform restarts: the version serving goes on, and one replaced, set aside or refused stays
     * so. A bundle started again while the host runs brings back its version if that was only
     * withdrawn (its bundle stopped), not if a rollback set it aside or it was refused.
     *
     * @param first whether the source presents it for the first time since the host started
     * @return the module that serves if it is this version, or a recall with none if the version
     *         stays out of service; empty if the version arrives (new to the host, recorded from
     *         another source, or withdrawn and started again)
     */
    private Optional<Recalled> recall(RuleModuleSource source, String from, boolean first) {
        String fingerprint = CompiledRuleModule.fingerprint(source);
        Optional<RuleModuleLedger.Version> known = records.known(source.jurisdiction(), fingerprint)
                .filter(version -> from.equals(version.source()));
        if (known.isEmpty() || known.get().state() == RuleModuleLedger.State.WITHDRAWN
                || (!first && known.get().state() == RuleModuleLedger.State.KEPT)) {
            return Optional.empty();
        }
        Optional<CompiledRuleModule> serving = ruleBases.forJurisdiction(source.jurisdiction())
                .filter(module -> module.fingerprint().equals(fingerprint));
        if (serving.isPresent()) {
            return Optional.of(new Recalled(serving.get()));
        }
        if (known.get().state() == RuleModuleLedger.State.ACTIVE) {
            return Optional.empty();
        }
        if (!first) {
            return Optional.of(new Recalled(null));
        }
        LOG.info("Rule module {} {} from {} stays out of service: it was {} before; {} decides for {}", source.id(),
                source.version(), source.origin(), switch (known.get().state()) {
                    case KEPT -> "replaced or withdrawn";
                    case SET_ASIDE -> "set aside by a rollback";
                    default -> "refused";
                }, ruleBases.forJurisdiction(source.jurisdiction()).map(m -> m.id() + " " + m.version()).orElse("no module of its own"),
                source.jurisdiction());
        return Optional.of(new Recalled(null));
    }

    /** @param serving the module serving, if the version recalled is it; null if it stays out of service */
    private record Recalled(CompiledRuleModule serving) {
    }

    private void reject(RuleModuleRejected e, String from) {
        RuleModuleSource source = e.module();
        LOG.error(e.getMessage());
        RuleModuleRejection rejection = new RuleModuleRejection(source.id(), source.version(), source.jurisdiction(),
                source.origin(), Instant.now(), e.errors());
        synchronized (rejections) {
            rejections.addFirst(rejection);
            while (rejections.size() > REJECTIONS_KEPT) {
                rejections.removeLast();
            }
        }
        if (source.jurisdiction().chars().allMatch(Character::isDigit) && !source.jurisdiction().isEmpty()
                && source.jurisdiction().length() <= DivisionLevel.COUNTY.codeLength()) {
            synchronized (changes) {
                records.refused(source, from, rejection);
                records.save(source.jurisdiction(), ruleBases);
            }
        }
    }

    /**
     * Restores what the ledger recorded: the versions that decided before the host stopped decide
     * again, compiled from their recorded files; those kept are kept, compiled when a rollback
     * needs them. A version whose source was removed while the platform was down is withdrawn.
     */
    private void restore() {
        List<RuleModuleLedger.Version> versions;
        try {
            versions = records.read();
        } catch (RuntimeException e) {
            LOG.error("The recorded rule module versions cannot be read; the modules installed decide as they start", e);
            return;
        }
        // The kept versions of every jurisdiction first, so that whatever is written while the
        // deciding versions are compiled holds the whole history.
        for (RuleModuleLedger.Version version : versions) {
            if (version.files() != null && (version.state() == RuleModuleLedger.State.KEPT
                    || version.state() == RuleModuleLedger.State.WITHDRAWN)) {
                ruleBases.restoreKept(new RuleBases.Kept(unpack(version), version.fingerprint(), version.ruleCount(),
                        null));
            }
        }
        for (RuleModuleLedger.Version version : versions) {
            if (version.files() == null || version.state() != RuleModuleLedger.State.ACTIVE) {
                continue;
            }
            RuleModuleSource source = unpack(version);
            try {
                CompiledRuleModule module = compiler.compile(source);
                ruleBases.publish(module, version.changedAt());
                LOG.info("Rule module {} {} for jurisdiction {} restored: it decided before the restart", module.id(),
                        module.version(), module.jurisdiction());
            } catch (RuleModuleRejected e) {
                // Kept with its files, not refused: a time-out of a cold start passes at a rollback.
                synchronized (changes) {
                    ruleBases.restoreKeptFirst(new RuleBases.Kept(source, version.fingerprint(), version.ruleCount(),
                            null));
                    records.save(version.jurisdiction(), ruleBases);
                }
                LOG.error("Rule module {} {} decided for {} before the restart and does not pass validation now; it is"
                        + " kept for a rollback and the layers above decide: {}", version.moduleId(), version.version(),
                        version.jurisdiction(), String.join("; ", e.errors()));
            }
        }
        synchronized (rejections) {
            rejections.addAll(records.rejections().stream().limit(REJECTIONS_KEPT).toList());
        }
        for (RuleBases.Serving serving : ruleBases.all()) {
            records.sourceOf(serving.module()).filter(this::isGone)
                    .ifPresent(gone -> sourceRemoved(gone, "its source was removed while the platform was down"));
        }
    }

    private boolean platformStopping() {
        return context.getBundle(0).getState() == Bundle.STOPPING;
    }

    private static RuleModuleSource unpack(RuleModuleLedger.Version version) {
        return ModuleArchive.unpack(version.files(), version.moduleId(), version.version(), version.jurisdiction(),
                version.origin());
    }

    private boolean isGone(String source) {
        if (source.startsWith(FILE_SOURCE)) {
            return !Files.exists(Path.of(source.substring(FILE_SOURCE.length())));
        }
        return context.getBundle(source) == null;
    }

    /** Withdraws what serves from a source that is gone (a bundle uninstalled, a file deleted), whatever was rolled back. */
    private void sourceRemoved(String source, String why) {
        if (closing) {
            return;
        }
        synchronized (changes) {
            for (RuleBases.Serving serving : ruleBases.all()) {
                CompiledRuleModule module = serving.module();
                if (source.equals(records.sourceOf(module).orElse(null)) && ruleBases.withdraw(module)) {
                    LOG.info("Rule module {} {} for jurisdiction {} withdrawn: {}", module.id(), module.version(),
                            module.jurisdiction(), why);
                }
            }
            // Only the jurisdictions that had a version from the source are written again.
            records.sourceRemoved(source).forEach(jurisdiction -> records.save(jurisdiction, ruleBases));
        }
    }

    /** The module compiled by {@link #deploy} moments ago if the bundle carries the same one; else compiled now. */
    private CompiledRuleModule compiledOnce(RuleModuleSource source) throws RuleModuleRejected {
        CompiledRuleModule done = validated.remove(CompiledRuleModule.fingerprint(source));
        if (done == null) {
            return compiler.compile(source);
        }
        return new CompiledRuleModule(source, done.kieBase(), done.ruleNames(), new CompiledRuleModule.Counters(),
                done.departments());
    }


    private RuleModuleSource readJar(byte[] jar, String origin) throws IOException {
        try {
            return RuleModuleBundles.read(jar, origin);
        } catch (IllegalArgumentException e) {
            throw new RuleModuleInvalid("the upload is not a rule module", List.of(e.getMessage()));
        }
    }

    private RuleModuleInfo servingInfo(String jurisdiction) {
        return ruleBases.serving(jurisdiction).map(s -> s.module().info(s.since(), RuleModuleInfo.State.ACTIVE))
                .orElse(null);
    }

    private Optional<Bundle> bundleOfModule(String id) {
        for (Bundle bundle : context.getBundles()) {
            if (id.equals(RuleModuleBundles.moduleId(bundle))) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    /** A division code is a jurisdiction; anything else is a module id, serving or kept. */
    private Optional<String> jurisdictionOf(String idOrJurisdiction) {
        if (idOrJurisdiction == null || idOrJurisdiction.isBlank()) {
            return Optional.empty();
        }
        if (idOrJurisdiction.chars().allMatch(Character::isDigit)) {
            return Optional.of(idOrJurisdiction);
        }
        Optional<String> serving = ruleBases.all().stream().map(RuleBases.Serving::module)
                .filter(m -> m.id().equals(idOrJurisdiction)).map(CompiledRuleModule::jurisdiction).findFirst();
        if (serving.isPresent()) {
            return serving;
        }
        return ruleBases.jurisdictions().stream()
                .filter(j -> ruleBases.kept(j).stream().anyMatch(kept -> kept.source().id().equals(idOrJurisdiction)))
                .findFirst()
                .or(() -> records.jurisdictionOf(idOrJurisdiction));
    }

    private void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.INSTALLED) {
            delivered.add(id);
        } else if (event.getType() == BundleEvent.UPDATED) {
            // The start that follows an update publishes the new version, or keeps this one if it is refused.
            delivered.add(id);
            cancelWithdrawal(id);
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            cancelWithdrawal(id);
            delivered.remove(id);
            presented.remove(id);
            publishedBy.remove(id);
            if (RuleModuleBundles.moduleId(event.getBundle()) != null) {
                sourceRemoved(event.getBundle().getLocation(), "its bundle was uninstalled");
            }
        }
    }

    private void cancelWithdrawal(long bundleId) {
        PendingWithdrawal pending = pendingWithdrawals.remove(bundleId);
        if (pending != null) {
            pending.future().cancel(false);
        }
    }

    private void withdraw(CompiledRuleModule module, String why) {
        if (closing || platformStopping()) {
            // The platform or the host stops: what decides now decides after the restart.
            return;
        }
        withdrawStopped(module, why);
    }

    /** Withdraws the module of a bundle stopped by hand, and records it so. */
    private void withdrawStopped(CompiledRuleModule module, String why) {
        synchronized (changes) {
            if (ruleBases.withdraw(module)) {
                // Its bundle was stopped: started again, even after a restart, it decides again.
                records.withdrawnOnStop(module);
                LOG.info("Rule module {} {} for jurisdiction {} withdrawn: {}", module.id(), module.version(),
                        module.jurisdiction(), why);
                records.save(module.jurisdiction(), ruleBases);
            }
        }
    }

    private final class ModuleTracking implements BundleTrackerCustomizer<CompiledRuleModule> {

        @Override
        public CompiledRuleModule addingBundle(Bundle bundle, BundleEvent event) {
            Optional<RuleModuleSource> source;
            try {
                source = RuleModuleBundles.read(bundle);
            } catch (IOException | RuntimeException e) {
                LOG.error("Cannot read the rule module of bundle {} ({})", bundle.getBundleId(),
                        bundle.getSymbolicName(), e);
                return null;
            }
            if (source.isEmpty()) {
                return null;
            }
            long id = bundle.getBundleId();
            boolean arrived = delivered.remove(id);
            boolean first = presented.add(id);
            if (!arrived) {
                Optional<Recalled> recalled = recall(source.get(), bundle.getLocation(), first);
                if (recalled.isPresent()) {
                    CompiledRuleModule serving = recalled.get().serving();
                    if (serving != null) {
                        publishedBy.put(id, serving);
                        cancelWithdrawal(id);
                    }
                    return serving;
                }
            }
            try {
                CompiledRuleModule module = compiledOnce(source.get());
                publishArrival(module, bundle.getLocation());
                publishedBy.put(id, module);
                cancelWithdrawal(id);
                return module;
            } catch (RuleModuleRejected e) {
                reject(e, bundle.getLocation());
                CompiledRuleModule previous = publishedBy.get(id);
                if (previous == null) {
                    return null;
                }
                cancelWithdrawal(id);
                synchronized (changes) {
                    if (ruleBases.forJurisdiction(previous.jurisdiction()).isEmpty()) {
                        ruleBases.publish(previous, Instant.now());
                        records.save(previous.jurisdiction(), ruleBases);
                    }
                }
                LOG.warn("Version {} of rule module {} from the same bundle goes on deciding", previous.version(),
                        previous.id());
                return previous;
            }
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, CompiledRuleModule module) {
            // A state change between STARTING and ACTIVE changes nothing the module carries.
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, CompiledRuleModule module) {
            long id = bundle.getBundleId();
            if (closing || platformStopping()) {
                return;
            }
            if (withdrawDelaySeconds == 0 || withdrawals.isShutdown()) {
                withdraw(module, "its bundle stopped");
                return;
            }
            pendingWithdrawals.put(id, new PendingWithdrawal(module, withdrawals.schedule(() -> {
                pendingWithdrawals.remove(id);
                withdraw(module, "its bundle stopped " + withdrawDelaySeconds + " s ago");
            }, withdrawDelaySeconds, TimeUnit.SECONDS)));
        }
    }
}
