package org.reception.rules.host;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.reception.cases.RuleDecisions;
import org.reception.cases.Sha256;
import org.reception.cases.divisions.DivisionLevel;
import org.reception.cases.health.HealthCheck;
import org.reception.cases.health.HealthStatus;
import org.reception.cases.spi.RuleEngine;
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
    private final Map<Long, ScheduledFuture<?>> pendingWithdrawals = new ConcurrentHashMap<>();
    /** The modules dropped as DRL files, by file name. */
    private final Map<String, CompiledRuleModule> fromFiles = new ConcurrentHashMap<>();
    private final Deque<RuleModuleRejection> rejections = new ArrayDeque<>();
    /** Modules validated by {@link #deploy} just before their bundle starts: not compiled twice. */
    private final Map<String, CompiledRuleModule> validated = new ConcurrentHashMap<>();
    private final SynchronousBundleListener bundleChanges = this::bundleChanged;

    @Activate
    public RulesHost(BundleContext context, RulesHostConfig config) {
        this.context = context;
        this.evaluator = new RuleEvaluator(config.fireLimit(), config.timeLimitMillis());
        this.ruleBases = new RuleBases(config.keptVersions());
        this.compiler = new RuleModuleCompiler(evaluator);
        this.decider = new LayeredDecider(ruleBases, evaluator);
        this.withdrawDelaySeconds = config.withdrawDelaySeconds();
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
        List<CompiledRuleModule> kept = ruleBases.kept(jurisdiction.get());
        CompiledRuleModule shown = serving.map(RuleBases.Serving::module).orElse(kept.isEmpty() ? null : kept.get(0));
        if (shown == null) {
            return Optional.empty();
        }
        List<RuleModuleRejection> refused;
        synchronized (rejections) {
            refused = rejections.stream().filter(r -> r.jurisdiction().equals(jurisdiction.get())).toList();
        }
        return Optional.of(new RuleModuleDetail(
                serving.map(s -> s.module().info(s.since(), RuleModuleInfo.State.ACTIVE)).orElse(null),
                kept.stream().map(m -> m.info(null, RuleModuleInfo.State.SUPERSEDED)).toList(),
                shown.ruleNames(), List.copyOf(shown.source().tests().keySet()),
                shown.counters().evaluations(), shown.counters().runaways(), refused));
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
            validated.put(fingerprint(source), compiler.compile(source));
        } catch (RuleModuleRejected e) {
            reject(e);
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
            validated.remove(fingerprint(source));
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
        CompiledRuleModule previous = ruleBases.rollback(jurisdiction, now)
                .orElseThrow(() -> new IllegalStateException("no earlier version of the module of " + jurisdiction
                        + " is kept"));
        LOG.info("Rule module {} rolled back to version {} for jurisdiction {}", previous.id(), previous.version(),
                jurisdiction);
        return previous.info(now, RuleModuleInfo.State.ACTIVE);
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

    @Override
    public void install(File artifact) throws Exception {
        Matcher name = DRL_FILE.matcher(artifact.getName());
        if (!name.matches()) {
            return;
        }
        String drl = Files.readString(artifact.toPath(), StandardCharsets.UTF_8);
        RuleModuleSource source = new RuleModuleSource(name.group(2), "drl-" + Sha256.hex(drl).substring(0, 12), name.group(1),
                Map.of("/" + artifact.getName(), drl), Map.of(), "file deploy/" + artifact.getName());
        try {
            CompiledRuleModule module = compiler.compile(source);
            publish(module);
            fromFiles.put(artifact.getName(), module);
        } catch (RuleModuleRejected e) {
            reject(e);
        }
    }

    @Override
    public void update(File artifact) throws Exception {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        CompiledRuleModule module = fromFiles.remove(artifact.getName());
        if (module != null && ruleBases.withdraw(module)) {
            LOG.info("Rule module {} {} for jurisdiction {} withdrawn: its file was removed", module.id(),
                    module.version(), module.jurisdiction());
        }
    }

    // --- internals ----------------------------------------------------------------------------

    private void publish(CompiledRuleModule module) {
        Optional<CompiledRuleModule> replaced = ruleBases.publish(module, Instant.now());
        LOG.info("Rule module {} {} for jurisdiction {} active ({}): {} rules, {} test case(s) passed{}",
                module.id(), module.version(), module.jurisdiction(), module.source().origin(), module.ruleCount(),
                module.source().tests().size(), replaced.map(old -> ", replacing " + old.version()).orElse(""));
    }

    private void reject(RuleModuleRejected e) {
        RuleModuleSource source = e.module();
        LOG.error(e.getMessage());
        synchronized (rejections) {
            rejections.addFirst(new RuleModuleRejection(source.id(), source.version(), source.jurisdiction(),
                    source.origin(), Instant.now(), e.errors()));
            while (rejections.size() > REJECTIONS_KEPT) {
                rejections.removeLast();
            }
        }
    }

    /** The module compiled by {@link #deploy} moments ago if the bundle carries the same one; else compiled now. */
    private CompiledRuleModule compiledOnce(RuleModuleSource source) throws RuleModuleRejected {
        CompiledRuleModule done = validated.remove(fingerprint(source));
        if (done == null) {
            return compiler.compile(source);
        }
        return new CompiledRuleModule(source, done.kieBase(), done.ruleNames(), new CompiledRuleModule.Counters());
    }

    private static String fingerprint(RuleModuleSource source) {
        return Sha256.hex(String.join("\u001f", source.id(), source.version(), source.jurisdiction(),
                source.drl().toString(), source.tests().toString()));
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
        return publishedBy.values().stream().filter(m -> m.id().equals(idOrJurisdiction))
                .map(CompiledRuleModule::jurisdiction).findFirst()
                .or(() -> fromFiles.values().stream().filter(m -> m.id().equals(idOrJurisdiction))
                        .map(CompiledRuleModule::jurisdiction).findFirst());
    }

    private void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.UPDATED) {
            // The start that follows an update publishes the new version, or keeps this one if it is refused.
            cancelWithdrawal(id);
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            cancelWithdrawal(id);
            CompiledRuleModule module = publishedBy.remove(id);
            if (module != null) {
                withdraw(module, "its bundle was uninstalled");
            }
        }
    }

    private void cancelWithdrawal(long bundleId) {
        ScheduledFuture<?> pending = pendingWithdrawals.remove(bundleId);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void withdraw(CompiledRuleModule module, String why) {
        if (ruleBases.withdraw(module)) {
            LOG.info("Rule module {} {} for jurisdiction {} withdrawn: {}", module.id(), module.version(),
                    module.jurisdiction(), why);
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
            try {
                CompiledRuleModule module = compiledOnce(source.get());
                publish(module);
                publishedBy.put(id, module);
                cancelWithdrawal(id);
                return module;
            } catch (RuleModuleRejected e) {
                reject(e);
                CompiledRuleModule previous = publishedBy.get(id);
                if (previous == null) {
                    return null;
                }
                cancelWithdrawal(id);
                if (ruleBases.forJurisdiction(previous.jurisdiction()).isEmpty()) {
                    ruleBases.publish(previous, Instant.now());
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
            if (withdrawDelaySeconds == 0 || withdrawals.isShutdown()) {
                withdraw(module, "its bundle stopped");
                return;
            }
            pendingWithdrawals.put(id, withdrawals.schedule(() -> {
                pendingWithdrawals.remove(id);
                withdraw(module, "its bundle stopped " + withdrawDelaySeconds + " s ago");
            }, withdrawDelaySeconds, TimeUnit.SECONDS));
        }
    }
}
