package org.reception.rules.host;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.reception.cases.RoutingDecision;
import org.reception.cases.divisions.DivisionLevel;
import org.reception.cases.health.HealthCheck;
import org.reception.cases.health.HealthStatus;
import org.reception.cases.spi.RoutingEngine;
import org.reception.rules.PetitionFact;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleModuleInfo;

/**
 * The rules host: an extender that compiles the rule module of every bundle that declares one as
 * it starts, publishes it for its jurisdiction, and withdraws it as the bundle stops.
 */
@Component(service = {RoutingEngine.class, RuleAdministration.class, HealthCheck.class},
        configurationPid = RulesHostConfig.PID,
        property = HealthCheck.NAME + "=rules")
@Designate(ocd = RulesHostConfig.class)
public final class RulesHost implements RoutingEngine, RuleAdministration, HealthCheck {

    private static final Logger LOG = LogManager.getLogger(RulesHost.class);

    private final RuleBases ruleBases = new RuleBases();
    private final RuleModuleCompiler compiler = new RuleModuleCompiler();
    private final LayeredRouter router;
    private final BundleTracker<CompiledRuleModule> tracker;
    /**
     * The last module each bundle served with, kept while the bundle is stopped: when the same
     * bundle starts again with a module that is rejected (a broken update), this one serves
     * again, so a broken module never ends up replacing a working one.
     */
    private final Map<Long, CompiledRuleModule> lastGood = new ConcurrentHashMap<>();
    private final BundleListener forgetUninstalled = event -> {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            lastGood.remove(event.getBundle().getBundleId());
        }
    };
    private final BundleContext context;

    @Activate
    public RulesHost(BundleContext context, RulesHostConfig config) {
        this.router = new LayeredRouter(ruleBases, new RuleEvaluator(config.fireLimit()));
        this.context = context;
        context.addBundleListener(forgetUninstalled);
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new ModuleTracking());
        this.tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        context.removeBundleListener(forgetUninstalled);
    }

    @Override
    public RoutingDecision route(PetitionFact petition, Instant decidedAt) {
        return router.route(petition, decidedAt);
    }

    @Override
    public List<RuleModuleInfo> activeModules() {
        return ruleBases.all().stream()
                .sorted(Comparator.comparing(CompiledRuleModule::jurisdiction))
                .map(module -> new RuleModuleInfo(module.id(), module.version(), module.jurisdiction(),
                        module.ruleCount(), module.source().origin()))
                .toList();
    }

    @Override
    public HealthStatus check() {
        // Intake only accepts jurisdictions of the platform's province, so a province module suffices.
        return ruleBases.all().stream()
                .filter(module -> module.jurisdiction().length() == DivisionLevel.PROVINCE.codeLength())
                .findFirst()
                .map(module -> HealthStatus.up("province module " + module.id() + " " + module.version()
                        + " serves; " + ruleBases.all().size() + " module(s) loaded"))
                .orElseGet(() -> HealthStatus.down("no province rule module is loaded"));
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
            try {
                long started = System.nanoTime();
                CompiledRuleModule module = compiler.compile(source.get());
                Optional<CompiledRuleModule> replaced = ruleBases.publish(module);
                LOG.info("Rule module {} {} for jurisdiction {} active: {} rules, compiled in {} ms{}",
                        module.id(), module.version(), module.jurisdiction(), module.ruleCount(),
                        (System.nanoTime() - started) / 1_000_000,
                        replaced.map(old -> ", replacing " + old.version()).orElse(""));
                return module;
            } catch (RuleModuleRejected e) {
                CompiledRuleModule previous = lastGood.get(bundle.getBundleId());
                if (previous != null && ruleBases.forJurisdiction(previous.jurisdiction()).isEmpty()) {
                    ruleBases.publish(previous);
                    LOG.error("{}; version {} of the same bundle serves again", e.getMessage(), previous.version());
                    return previous;
                }
                LOG.error(e.getMessage());
                return null;
            }
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, CompiledRuleModule module) {
            // A state change between STARTING and ACTIVE changes nothing the module carries.
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, CompiledRuleModule module) {
            lastGood.put(bundle.getBundleId(), module);
            if (ruleBases.withdraw(module)) {
                LOG.info("Rule module {} {} for jurisdiction {} withdrawn", module.id(), module.version(),
                        module.jurisdiction());
            }
        }
    }
}
