package org.reception.rules.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reception.rules.admin.RuleModuleSource;

/**
 * A rule module is rules, not a program: whatever a hostile or careless author writes, its code is
 * refused before any of it runs (a marker file each would create is never there), and the
 * refusal names the rule or function and the reference.
 */
class HostileModulesTest {

    private static final String HEAD = """
            package hostile
            import org.reception.cases.Category
            import org.reception.rules.PetitionFact
            import org.reception.rules.Routing
            """;

    @TempDir
    Path folder;

    private final RuleEvaluator evaluator = new RuleEvaluator(100, 500);
    private final RuleModuleCompiler compiler = new RuleModuleCompiler(evaluator);

    @AfterEach
    void close() {
        evaluator.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Runtime.exec in a consequence    | then Runtime.getRuntime().exec( new String[] { "touch", "MARKER" } );                        | rule Reaches out (consequence): calls java.lang.Runtime.getRuntime
            java.io.File in a consequence    | then new java.io.File( "MARKER" ).createNewFile();                                           | rule Reaches out (consequence): uses the type java.io.File
            java.nio.file.Files              | then java.nio.file.Files.createFile( java.nio.file.Path.of( "MARKER" ) );                    | rule Reaches out (consequence): calls java.nio.file.Path.of
            Class.forName                    | then Class.forName( "java.lang.Runtime" ).getMethod( "getRuntime" ).invoke( null );          | rule Reaches out (consequence): calls java.lang.Class.forName
            getDeclaredMethod                | then String.class.getDeclaredMethod( "length" ).invoke( "MARKER" );                            | rule Reaches out (consequence): calls java.lang.Class.getDeclaredMethod
            System.exit                      | then System.exit( 0 );                                                                       | rule Reaches out (consequence): calls java.lang.System.exit
            a Thread                         | then new Thread( () -> {} ).start();                                                          | rule Reaches out (consequence): uses the type java.lang.Thread
            static state of the JVM          | then java.util.Locale.setDefault( java.util.Locale.CHINA );                                  | rule Reaches out (consequence): calls java.util.Locale.setDefault
            system properties                | then insert( new Routing( "x", "y", Integer.getInteger( "MARKER" ).toString() ) );             | rule Reaches out (consequence): calls java.lang.Integer.getInteger
            an endless loop                  | then while ( true ) { new java.io.File( "MARKER" ).createNewFile(); }                         | rule Reaches out (consequence): loops (a jump backwards); module code has no loops
            a huge allocation                | then insert( new Routing( "x", "y", "x".repeat( Integer.MAX_VALUE ) ) );                       | rule Reaches out (consequence): calls java.lang.String.repeat
            a regular expression             | then insert( new Routing( "x", "y", String.valueOf( "aaaa".matches( "(a+)+b" ) ) ) );        | rule Reaches out (consequence): calls java.lang.String.matches
            """)
    void javaThatReachesBeyondTheContractIsRefusedBeforeItRuns(String attack, String consequence, String refusal)
            throws Exception {
        Path marker = folder.resolve("marker");
        RuleModuleRejected rejected = refused("""
                rule "Reaches out"
                when PetitionFact()
                %s
                end
                """.formatted(consequence.replace("MARKER", marker.toString())));

        assertTrue(rejected.errors().stream().anyMatch(error -> error.equals(refusal)),
                attack + ": " + rejected.errors());
        assertFalse(Files.exists(marker), attack + ": the module's code ran");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a class by its full name         | PetitionFact( java.lang.System.getProperty( "user.home" ) != null )     | rules.drl rule "Reaches out" conditions: names the class System, outside the rule contract
            an object made in a condition    | PetitionFact( new java.io.File( "MARKER" ).createNewFile() )            | rules.drl rule "Reaches out" conditions: 'new' is not part of the rule contract
            reflection in a condition        | $p : PetitionFact( $p.getClass().forName( "x" ) != null )                | rules.drl rule "Reaches out" conditions: 'forName' is not part of the rule contract
            an assignment in a condition     | PetitionFact( ( title = "x" ) == "x" )                                    | rules.drl rule "Reaches out" conditions: assigns a value; conditions only compare
            a regular expression             | PetitionFact( content matches "(a+)+b" )                                 | rules.drl rule "Reaches out" conditions: 'matches' is not part of the rule contract
            eval of Java                     | PetitionFact() eval( new java.io.File( "MARKER" ).createNewFile() )      | rule Reaches out (eval): uses the type java.io.File
            code inline in an accumulate     | Number() from accumulate( PetitionFact(), init( int c = 0; ProcessHandle.current().destroy(); ), action( c++; ), result( c ) ) | rules.drl rule "Reaches out" conditions: names the type ProcessHandle, outside the rule contract
            """)
    void conditionsThatReachBeyondTheContractAreRefusedBeforeTheyRun(String attack, String condition, String refusal)
            throws Exception {
        Path marker = folder.resolve("marker");
        RuleModuleRejected rejected = refused("""
                rule "Reaches out"
                when %s
                then insert( new Routing( "520102-XFJ", "南明区信访局", "属地" ) );
                end
                """.formatted(condition.replace("MARKER", marker.toString())));

        assertTrue(rejected.errors().stream().anyMatch(error -> error.equals(refusal)),
                attack + ": " + rejected.errors());
        assertFalse(Files.exists(marker), attack + ": the module's condition ran");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an endless loop in a function | function int spin( int n ) { int i = 0; while ( i >= 0 ) { i = i + n; } return i; }  | function spin (Spin): loops (a jump backwards); module code has no loops
            recursion                     | function int deeper( int n ) { return deeper( n + 1 ); }                             | function deeper (Deeper): calls itself (recursion); module code has no recursion
            recursion through another     | function int ping( int n ) { return pong( n ); } function int pong( int n ) { return ping( n ); } | function ping (Ping): calls itself (recursion); module code has no recursion
            the mvel dialect              | rule "Mvel" dialect "mvel" when PetitionFact() then insert( new Routing( "x", "y", "z" ) ); end  | rules.drl rule "Mvel": the mvel dialect runs code that cannot be checked before it runs; rules are written in Java (the default)
            a global                      | global java.util.List leak                                                           | rules.drl: globals are not part of the rule contract (leak)
            """)
    void functionsDialectsAndGlobalsOutsideTheContractAreRefused(String attack, String declaration, String refusal) {
        RuleModuleRejected rejected = refused(declaration + """

                rule "Routes"
                when PetitionFact()
                then insert( new Routing( "520102-XFJ", "南明区信访局", "属地" ) );
                end
                """);

        assertTrue(rejected.errors().contains(refusal), attack + ": " + rejected.errors());
    }

    @org.junit.jupiter.api.Test
    void aModuleTooLargeToCompileSafelyIsRefusedBeforeTheCompilerSeesIt() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= ModuleConditions.MAX_RULES; i++) {
            many.append("rule \"r").append(i).append("\" when PetitionFact() then end\n");
        }
        assertTrue(refused(many.toString()).errors().contains("the module defines " + (ModuleConditions.MAX_RULES + 1)
                + " rules; at most " + ModuleConditions.MAX_RULES + " are compiled"));
        String huge = "// " + "x".repeat(ModuleConditions.MAX_SOURCE_CHARACTERS) + "\n";
        assertTrue(refused(huge).errors().get(0).endsWith("are compiled"));
    }

    private RuleModuleRejected refused(String rules) {
        RuleModuleSource module = new RuleModuleSource("hostile", "1", "520102", Map.of("rules.drl", HEAD + rules),
                Map.of(), "test");
        return assertThrows(RuleModuleRejected.class, () -> compiler.compile(module));
    }
}
