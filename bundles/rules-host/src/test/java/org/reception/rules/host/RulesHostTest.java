package org.reception.rules.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.EscalationDecision;
import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;
import org.reception.cases.Priority;
import org.reception.cases.PetitionType;
import org.reception.cases.RedactedField;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleDecisions;
import org.reception.cases.ServiceUnavailable;
import org.reception.rules.PetitionFact;
import org.reception.rules.admin.RuleModuleSource;

class RulesHostTest {

    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
    private static final String HEAD = """
            package test
            import org.reception.cases.Category
            import org.reception.cases.EscalationLevel
            import org.reception.cases.EscalationTrigger
            import org.reception.cases.PetitionType
            import org.reception.cases.Priority
            import org.reception.cases.RedactedField
            import org.reception.rules.PetitionFact
            import org.reception.rules.Routing
            import org.reception.rules.Confidentiality
            import org.reception.rules.Escalation
            """;

    private final RuleEvaluator evaluator = new RuleEvaluator(100, 500);
    private final RuleModuleCompiler compiler = new RuleModuleCompiler(evaluator);
    private final RuleBases ruleBases = new RuleBases(2);
    private final LayeredDecider decider = new LayeredDecider(ruleBases, evaluator);

    @AfterEach
    void closeEvaluator() {
        evaluator.close();
    }

    @Test
    void aCountyModuleDecidesForItsCountyOnly() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(routeEverythingTo("nanming", "520102", "520102-XFJ")));

        RoutingDecision inNanming = route("520102");
        RoutingDecision inYunyan = route("520103");

        assertEquals("520102-XFJ", inNanming.unitCode());
        assertEquals("nanming", inNanming.provenance().moduleId());
        assertEquals("520000-XFJ", inYunyan.unitCode());
        assertEquals("province", inYunyan.provenance().moduleId());
    }

    @Test
    void aLocalModuleThatEmitsNoRoutingLeavesTheDecisionToTheLayerAbove() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(module("guiyang", "5201", """
                rule "Only health matters are Guiyang's"
                when PetitionFact( category == Category.HEALTH )
                then insert( Routing.assign( "5201-WJW", "贵阳市卫生健康局", "卫生健康" ).withPriority( Priority.HIGH ) );
                end
                """)));

        assertEquals("520000-XFJ", route("520102").unitCode());
        RoutingDecision health = decider.decide(petition("520102", Category.HEALTH, "看病难"), NOW).routing();
        assertEquals("5201-WJW", health.unitCode());
        assertEquals(org.reception.cases.Disposition.ASSIGN, health.disposition());
        assertEquals(Priority.HIGH, health.priority());
    }

    @Test
    void confidentialityCombinesToTheStrictestAndEscalationsAddUp() throws Exception {
        ruleBases.publish(compiler.compile(module("province", "52", """
                rule "Route"
                when PetitionFact()
                then insert( new Routing( "520000-XFJ", "省信访局", "兜底" ) );
                end
                rule "Hide from the accused"
                when $p : PetitionFact( accused.size() > 0 )
                then insert( Confidentiality.hiddenFrom( $p.getAccused(), "第三十条" ).readableOnlyBy( java.util.List.of( "A", "B" ), "x" ) );
                end
                rule "Risk words to the province"
                when PetitionFact( mentions( "跳楼" ) )
                then insert( new Escalation( EscalationLevel.PROVINCE, Priority.HIGH, 24, EscalationTrigger.RISK_WORDS, "风险" ) );
                end
                """.replace(".readableOnlyBy( java.util.List.of( \"A\", \"B\" ), \"x\" )", ""))));
        ruleBases.publish(compiler.compile(module("nanming", "520102", """
                rule "Names hidden, text redacted"
                when PetitionFact()
                then insert( Confidentiality.identityHidden( "区规定" ).redacting( RedactedField.CONTENT ) );
                end
                rule "Risk words to the province, at once"
                when PetitionFact( mentions( "跳楼" ) )
                then insert( new Escalation( EscalationLevel.PROVINCE, Priority.URGENT, 2, EscalationTrigger.RISK_WORDS, "风险，立即" ) );
                     insert( new Escalation( EscalationLevel.CITY, Priority.URGENT, 2, EscalationTrigger.RISK_WORDS, "风险" ) );
                end
                """)));

        PetitionFact fact = PetitionFact.builder().channel(Channel.LETTER).type(PetitionType.ACCUSATION)
                .category(Category.OTHER).title("举报").content("不处理就去跳楼").jurisdiction("520102")
                .receivedAt(NOW).accused(List.of("王某", "520102-ZJJ")).build();
        RuleDecisions decisions = decider.decide(fact, NOW);

        assertTrue(decisions.confidentiality().identityHidden());
        assertEquals(Set.of("王某", "520102-ZJJ"), decisions.confidentiality().hiddenFrom());
        assertEquals(Set.of(RedactedField.CONTENT), decisions.confidentiality().redacted());
        assertEquals(2, decisions.confidentiality().provenance().size());
        List<EscalationDecision> escalations = decisions.escalations();
        assertEquals(2, escalations.size(), escalations.toString());
        EscalationDecision province = escalations.stream().filter(e -> e.level() == EscalationLevel.PROVINCE)
                .findFirst().orElseThrow();
        assertEquals(Priority.URGENT, province.urgency());
        assertEquals(2, province.reportWithinHours());
        assertEquals("nanming", province.provenance().moduleId());
    }

    @Test
    void aModuleWithASyntaxErrorIsRejectedWithItsFileAndLine() {
        RuleModuleRejected rejected = assertThrows(RuleModuleRejected.class, () -> compiler.compile(module(
                "broken", "52", """
                rule "Broken"
                when PetitionFact( category == )
                then insert( new Routing( "x", "y", "z" ) );
                end
                """)));

        assertTrue(rejected.errors().get(0).startsWith("rules.drl line 13"), rejected.errors().toString());
    }

    @Test
    void aModuleThatImportsBeyondTheContractIsRejected() {
        RuleModuleRejected rejected = assertThrows(RuleModuleRejected.class, () -> compiler.compile(
                new RuleModuleSource("sneaky", "1", "52", Map.of("rules.drl", HEAD + """
                        import java.nio.file.Files
                        import org.reception.cases.spi.PetitionRepository
                        rule "x" when PetitionFact() then insert( new Routing( "a", "b", "c" ) ); end
                        """), Map.of(), "test")));

        assertEquals(2, rejected.errors().size(), rejected.errors().toString());
        assertTrue(rejected.errors().get(0).contains("java.nio.file.Files"));
    }

    @Test
    void aModuleForAnUnknownJurisdictionOrWithoutRulesIsRejected() {
        RuleModuleRejected unknown = assertThrows(RuleModuleRejected.class,
                () -> compiler.compile(routeEverythingTo("nowhere", "529999", "x")));
        assertTrue(unknown.getMessage().contains("529999"));

        assertThrows(RuleModuleRejected.class, () -> compiler.compile(
                new RuleModuleSource("empty", "1", "52", Map.of(), Map.of(), "test")));
        assertThrows(RuleModuleRejected.class, () -> compiler.compile(
                new RuleModuleSource("no-rules", "1", "52", Map.of("rules.drl", HEAD), Map.of(), "test")));
    }

    @Test
    void aProvinceModuleWithoutTheArticle30RuleOrThatKeepsLitigationInThePetitionChannelIsRefused() {
        RuleModuleSource lawless = new RuleModuleSource("province-base", "2", "52", Map.of("rules.drl", HEAD + """
                rule "Everything to the bureau"
                when PetitionFact()
                then insert( new Routing( "520000-XFJ", "省信访局", "一律转信访局" ) );
                end
                """), Map.of(), "test");

        RuleModuleRejected rejected = assertThrows(RuleModuleRejected.class, () -> compiler.compile(lawless));

        String errors = String.join("\n", rejected.errors());
        assertTrue(errors.contains("test constitution/province-accusation-hidden-from-the-accused: expected identityHidden"
                + " true but was false"), errors);
        assertTrue(errors.contains("test constitution/province-litigation-leaves-the-petition-channel: expected"
                + " disposition REDIRECT but was TRANSFER"), errors);
        assertTrue(errors.contains("constitution/province-arbitration-leaves-the-petition-channel"), errors);
    }

    @Test
    void noModuleOfAnyLevelMaySendAnAccusationToTheUnitItAccuses() {
        RuleModuleRejected rejected = assertThrows(RuleModuleRejected.class, () -> compiler.compile(module(
                "nanming-police", "520102", """
                rule "Police matters to the police"
                when PetitionFact( category == Category.PUBLIC_SECURITY )
                then insert( new Routing( "520102-GAJ", "南明区公安局", "公安事项" ) );
                end
                """)));

        assertTrue(rejected.errors().contains("test constitution/every-module-accusation-never-to-the-accused: routes to"
                + " 520102-GAJ, where the case must never go"), rejected.errors().toString());
    }

    @Test
    void aModuleWhoseTestCasesFailIsRejectedAndOneWhoseTestsPassIsAccepted() throws Exception {
        String drl = HEAD + """
                rule "Housing to the district"
                when PetitionFact( category == Category.HOUSING_CONSTRUCTION )
                then insert( new Routing( "520102-ZJJ", "南明区住房和城乡建设局", "属地" ) );
                end
                """;
        String passing = """
                petition.category = HOUSING_CONSTRUCTION
                expect.unit = 520102-ZJJ
                expect.disposition = TRANSFER
                expect.escalations = none
                """;
        String failing = """
                petition.category = HEALTH
                expect.unit = 520102-WJJ
                """;
        CompiledRuleModule module = compiler.compile(new RuleModuleSource("nanming", "1", "520102",
                Map.of("rules.drl", drl), Map.of("housing.properties", passing), "test"));
        assertEquals(1, module.source().tests().size());

        RuleModuleRejected rejected = assertThrows(RuleModuleRejected.class, () -> compiler.compile(
                new RuleModuleSource("nanming", "2", "520102", Map.of("rules.drl", drl),
                        Map.of("health.properties", failing, "typo.properties", "expect.unti = x"), "test")));
        assertEquals(List.of("test health.properties: expected unit 520102-WJJ but the module emitted no routing",
                "test typo.properties: unknown key 'expect.unti'"), rejected.errors());
    }

    @Test
    void aRunawayModuleIsRejectedByItsTrialRun() {
        RuleModuleRejected rejected = assertThrows(RuleModuleRejected.class, () -> compiler.compile(
                module("looping", "520102", """
                rule "Loops for ever"
                when $p : PetitionFact()
                then update( $p );
                end
                """)));
        assertTrue(rejected.errors().get(0).contains("fire limit"), rejected.errors().toString());
    }

    @Test
    void aModuleThatLoopsOnSomePetitionsIsStoppedAndTheLayerAboveDecides() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(module("looping", "520102", """
                rule "Loops for ever on one word"
                when $p : PetitionFact( mentions( "循环" ) )
                then update( $p );
                end
                rule "Otherwise routes"
                when PetitionFact( !mentions( "循环" ) )
                then insert( new Routing( "520102-XFJ", "南明区信访局", "属地" ) );
                end
                """)));

        RuleDecisions looping = decider.decide(petition("520102", Category.OTHER, "循环"), NOW);
        assertEquals("province", looping.routing().provenance().moduleId());
        assertTrue(looping.confidentiality().identityHidden(), "what the broken layer would have hidden is unknown");
        assertEquals("looping", route("520102").provenance().moduleId());
    }

    @Test
    void aModuleThatOutlivesTheTimeLimitIsSuspendedAndTheLayerAboveDecides() throws Exception {
        // Module code ends by construction (no loops, no recursion, no regular expressions), but a
        // long enough text still takes time: 120 passes over 4 million characters outlive 150 ms.
        try (RuleEvaluator strict = new RuleEvaluator(100, 150)) {
            RuleModuleCompiler compiling = new RuleModuleCompiler(strict);
            RuleBases bases = new RuleBases(2);
            bases.publish(compiling.compile(routeEverythingTo("province", "52", "520000-XFJ")));
            CompiledRuleModule slow = compiling.compile(module("slow", "520102", """
                    rule "Reads a long text again and again"
                    when $p : PetitionFact( mentions( "等待" ) )
                    then insert( new Routing( "520102-XFJ", "南明区信访局", $p.getContent()%s.substring( 0, 2 ) ) );
                    end
                    rule "Routes"
                    when PetitionFact()
                    then insert( new Routing( "520102-XFJ", "南明区信访局", "属地" ) );
                    end
                    """.formatted(".toUpperCase().toLowerCase()".repeat(60))));
            bases.publish(slow);
            PetitionFact longText = PetitionFact.builder().channel(Channel.ONLINE).type(PetitionType.APPEAL)
                    .category(Category.OTHER).title("等待").content("等待" + "a".repeat(4_000_000)).jurisdiction("520102")
                    .receivedAt(NOW).build();

            RoutingDecision decision = new LayeredDecider(bases, strict).decide(longText, NOW).routing();

            assertEquals("province", decision.provenance().moduleId());
            assertTrue(slow.counters().suspended());
            assertEquals("province", new LayeredDecider(bases, strict).decide(petition("520102", Category.OTHER, "x"),
                    NOW).routing().provenance().moduleId(), "a suspended module decides nothing");
        }
    }

    /** One decision over the time limit refuses a module: validation does not go on to take as long again. */
    @Test
    void validationStopsAtTheFirstDecisionOverTheTimeLimit() {
        try (RuleEvaluator instant = new RuleEvaluator(100, 0)) {
            RuleModuleRejected slow = assertThrows(RuleModuleRejected.class, () -> new RuleModuleCompiler(instant)
                    .compile(routeEverythingTo("slow", "520102", "520102-XFJ")));

            assertEquals(List.of("trial run on a LAND_RESOURCES petition: the module took more than 0 ms",
                    "validation stopped at the first decision that took longer than the time limit"), slow.errors());
        }
    }

    @Test
    void aModuleWhoseCodeCouldRunForEverOrReachOutIsRefusedBeforeAnyOfItRuns() {
        RuleModuleRejected hanging = assertThrows(RuleModuleRejected.class, () -> compiler.compile(module("hanging",
                "520102", """
                rule "Waits for ever on one word"
                when PetitionFact( mentions( "等待" ) )
                then while ( true ) { Thread.sleep( 50 ); }
                end
                """)));
        assertEquals(List.of("rule Waits for ever on one word (consequence): calls java.lang.Thread.sleep",
                "rule Waits for ever on one word (consequence): loops (a jump backwards); module code has no loops"),
                hanging.errors());
    }

    @Test
    void rollbackServesTheReplacedVersionAndGoesOneFurtherEachTime() throws Exception {
        CompiledRuleModule v1 = compiler.compile(version("1", "520000-A"));
        CompiledRuleModule v2 = compiler.compile(version("2", "520000-B"));
        CompiledRuleModule v3 = compiler.compile(version("3", "520000-C"));
        ruleBases.publish(v1);
        ruleBases.publish(v2);
        ruleBases.publish(v3);

        assertEquals(v2.fingerprint(), ruleBases.rollback("52", NOW, compiler::compile).orElseThrow().fingerprint());
        assertEquals("520000-B", route("520102").unitCode());
        assertEquals(v1.fingerprint(), ruleBases.rollback("52", NOW, compiler::compile).orElseThrow().fingerprint());
        assertTrue(ruleBases.rollback("52", NOW, compiler::compile).isEmpty());
        assertEquals("520000-A", route("520102").unitCode());
    }

    /** After a restart a kept version comes back from the files the ledger holds, compiled only by a rollback. */
    @Test
    void aKeptVersionRestoredFromItsRecordedFilesDecidesAgainOnARollback() throws Exception {
        RuleModuleSource original = version("1", "520000-A");
        RuleModuleSource unpacked = ModuleArchive.unpack(ModuleArchive.pack(original), "province", "1", "52", "t");
        assertEquals(CompiledRuleModule.fingerprint(original), CompiledRuleModule.fingerprint(unpacked),
                "the recorded files make the very same version");
        ruleBases.publish(compiler.compile(version("2", "520000-B")));
        ruleBases.restoreKept(new RuleBases.Kept(unpacked, CompiledRuleModule.fingerprint(unpacked), 1, null));
        assertEquals("province 1 (1 rules, SUPERSEDED)", describe(ruleBases.kept("52").get(0).info()));

        List<String> compiled = new ArrayList<>();
        CompiledRuleModule back = ruleBases.rollback("52", NOW, source -> {
            compiled.add(source.version());
            return compiler.compile(source);
        }).orElseThrow();

        assertEquals(List.of("1"), compiled);
        assertEquals("1", back.version());
        assertEquals("520000-A", route("520102").unitCode());
    }

    @Test
    void aKeptVersionThatNoLongerPassesValidationIsNotRolledBackTo() throws Exception {
        CompiledRuleModule serving = compiler.compile(version("2", "520000-B"));
        ruleBases.publish(serving);
        RuleModuleSource broken = new RuleModuleSource("province", "1", "52", Map.of("rules.drl", "rule x when"),
                Map.of(), "t");
        ruleBases.restoreKept(new RuleBases.Kept(broken, CompiledRuleModule.fingerprint(broken), 1, null));

        assertThrows(RuleModuleRejected.class, () -> ruleBases.rollback("52", NOW, compiler::compile));

        assertEquals(serving, ruleBases.forJurisdiction("52").orElseThrow(), "nothing changed");
        assertEquals(1, ruleBases.kept("52").size());
    }

    private static String describe(org.reception.rules.admin.RuleModuleInfo info) {
        return info.id() + " " + info.version() + " (" + info.ruleCount() + " rules, " + info.state() + ")";
    }

    /** A module cannot carry what a case says out through a unit code: only known units are taken. */
    @Test
    void aModuleRoutingToAUnitMadeOfTheCasesWordsIsRefusedWithoutRepeatingThem() {
        RuleModuleRejected copied = assertThrows(RuleModuleRejected.class, () -> compiler.compile(module("nanming",
                "520102", """
                rule "Copies the title into its unit"
                when $p : PetitionFact()
                then insert( new Routing( "520102-" + $p.getTitle(), "单位", "属地管理" ) );
                end
                """)));
        assertTrue(copied.errors().get(0).startsWith("trial runs on a petition of every category: the module emitted"
                + " a decision the platform does not accept: routes to something that is not a unit code (10 characters"),
                "one error for the eleven trial categories: " + copied.errors());
        assertFalse(copied.getMessage().contains("试运行"), "the trial petition's words are not repeated");

        RuleModuleRejected made = assertThrows(RuleModuleRejected.class, () -> compiler.compile(module("nanming",
                "520102", """
                rule "Makes a department of the category"
                when $p : PetitionFact()
                then insert( new Routing( "520102-" + $p.getCategory(), "单位", "属地管理" ) );
                end
                """)));
        assertTrue(made.getMessage().contains("routes to 520102-HEALTH, an unknown unit: its department HEALTH is"
                + " neither one the platform knows nor one the module names in its text"), made.getMessage());

        RuleModuleRejected elsewhere = assertThrows(RuleModuleRejected.class, () -> compiler.compile(
                routeEverythingTo("nanming", "520102", "440103-GAJ")));
        assertTrue(elsewhere.getMessage().contains("routes to 440103-GAJ, whose division is not one of the province 52"),
                elsewhere.getMessage());
    }

    @Test
    void aDepartmentTheModuleNamesInItsOwnTextIsAKnownUnit() throws Exception {
        CompiledRuleModule local = compiler.compile(module("nanming", "520102", """
                rule "Medical disputes to the mediation committee"
                when $p : PetitionFact()
                then insert( new Routing( $p.getCounty() + "-YLJFTJ", "医疗纠纷人民调解委员会", "专业调解" ) );
                end
                """));
        assertTrue(local.departments().contains("YLJFTJ"), local.departments().toString());
    }

    /** Reasons are bounded: a decision carrying a long text is not taken, and the layer above decides. */
    @Test
    void aDecisionWithAnOverlongReasonIsIgnoredAndTheLayerAboveDecides() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(module("nanming", "520102", """
                rule "Gives the content as its reason"
                when $p : PetitionFact()
                then insert( new Routing( "520102-WJJ", "卫生健康局", $p.getContent() ) );
                end
                """)));
        PetitionFact shortText = PetitionFact.builder().channel(Channel.ONLINE).type(PetitionType.APPEAL)
                .category(Category.HEALTH).title("标题").content("看病难").jurisdiction("520102").receivedAt(NOW).build();
        PetitionFact longText = PetitionFact.builder().channel(Channel.ONLINE).type(PetitionType.APPEAL)
                .category(Category.HEALTH).title("标题").content("长".repeat(DecisionCheck.REASON_LENGTH + 1))
                .jurisdiction("520102").receivedAt(NOW).build();

        assertEquals("520102-WJJ", decider.decide(shortText, NOW).routing().unitCode());
        RuleDecisions refused = decider.decide(longText, NOW);
        assertEquals("520000-XFJ", refused.routing().unitCode());
        assertTrue(refused.confidentiality().identityHidden(), "a layer whose decision is not taken hides the identity");
        assertTrue(refused.confidentiality().reasons().toString().contains("routing reason of more than 200 characters"),
                refused.confidentiality().reasons().toString());
        assertFalse(refused.confidentiality().reasons().toString().contains("长长"), "its words are not kept");
    }

    @Test
    void fewerVersionsKeptLetsTheOldestGoAndKeepsTheNewest() throws Exception {
        ruleBases.publish(compiler.compile(version("1", "520000-A")));
        ruleBases.publish(compiler.compile(version("2", "520000-B")));
        ruleBases.publish(compiler.compile(version("3", "520000-C")));

        ruleBases.keepVersions(1);

        assertEquals("2", ruleBases.rollback("52", NOW, compiler::compile).orElseThrow().version());
        assertTrue(ruleBases.rollback("52", NOW, compiler::compile).isEmpty(), "version 1 was let go");
    }

    @Test
    void withdrawingAReplacedVersionKeepsItsSuccessor() throws Exception {
        CompiledRuleModule first = compiler.compile(version("1", "520000-A"));
        CompiledRuleModule second = compiler.compile(version("2", "520000-B"));
        ruleBases.publish(first);
        assertEquals(first, ruleBases.publish(second).orElseThrow());

        assertFalse(ruleBases.withdraw(first));

        RoutingDecision decision = route("520102");
        assertEquals("520000-B", decision.unitCode());
        assertEquals("2", decision.provenance().moduleVersion());
    }

    @Test
    void withoutAnyModuleRoutingIsUnavailable() {
        assertThrows(ServiceUnavailable.class, () -> route("520102"));
    }

    @Test
    void layersRunFromTheCountyUpToTheProvince() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(routeEverythingTo("city", "5201", "520100-XFJ")));
        ruleBases.publish(compiler.compile(routeEverythingTo("county", "520102", "520102-XFJ")));

        assertEquals(List.of("county", "city", "province"),
                ruleBases.layersFor("520102").stream().map(CompiledRuleModule::id).toList());
        assertEquals(List.of("city", "province"),
                ruleBases.layersFor("520103").stream().map(CompiledRuleModule::id).toList());
    }

    @Test
    void contractImportsAllowTheContractAndPlainJavaOnly() {
        assertTrue(ContractImports.allowed("org.reception.rules.PetitionFact"));
        assertTrue(ContractImports.allowed("org.reception.cases.Category"));
        assertTrue(ContractImports.allowed("java.util.List"));
        assertFalse(ContractImports.allowed("org.reception.rules.admin.RuleAdministration"));
        assertFalse(ContractImports.allowed("org.reception.cases.PetitionService"));
        assertFalse(ContractImports.allowed("java.lang.Runtime"));
        assertFalse(ContractImports.allowed("java.util.concurrent.Executors"));
    }

    private RoutingDecision route(String county) {
        return decider.decide(petition(county, Category.OTHER, "标题"), NOW).routing();
    }

    private static RuleModuleSource version(String version, String unit) {
        return new RuleModuleSource("province", version, "52", routeEverythingTo("province", "52", unit).drl(),
                Map.of(), "t");
    }

    private static RuleModuleSource routeEverythingTo(String id, String jurisdiction, String unit) {
        return module(id, jurisdiction, """
                rule "Everything to %s"
                when PetitionFact()
                then insert( new Routing( "%s", "单位", "测试" ) );
                end
                """.formatted(unit, unit));
    }

    /** What the platform asks of every province module (ModuleTests#constitution): Art. 30, 诉访分离. */
    private static final String CONSTITUTION = """
            rule "Accusations are kept from the accused (Art. 30)"
            when $p : PetitionFact( type == PetitionType.ACCUSATION )
            then insert( Confidentiality.hiddenFrom( $p.getAccused(), "第三十条" ).withIdentityHidden() );
            end
            rule "Litigation to the courts" salience 100
            when $p : PetitionFact( mentions( "判决" ) )
            then insert( Routing.redirect( $p.getCounty() + "-FY", "人民法院", "诉访分离" ) );
            end
            rule "Arbitration to the arbitration commission" salience 90
            when $p : PetitionFact( mentions( "仲裁" ) )
            then insert( Routing.redirect( $p.getCounty() + "-LDRSZYZCW", "仲裁委员会", "诉访分离" ) );
            end
            """;

    private static RuleModuleSource module(String id, String jurisdiction, String rules) {
        return new RuleModuleSource(id, "1", jurisdiction, Map.of("rules.drl", HEAD + rules
                + (jurisdiction.length() == 2 ? CONSTITUTION : "")), Map.of(), "test");
    }

    private static PetitionFact petition(String county, Category category, String title) {
        return PetitionFact.builder().channel(Channel.ONLINE).type(PetitionType.APPEAL).category(category)
                .title(title).content("内容").jurisdiction(county).receivedAt(NOW).build();
    }
}
