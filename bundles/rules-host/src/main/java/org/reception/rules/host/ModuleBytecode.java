package org.reception.rules.host;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Keeps a module's Java code to the rule contract: reads the bytecode its consequences, functions
 * and {@code eval}s compiled to, before any of it is loaded, and names every reference outside the
 * allowlist (the contract, strings, numbers, {@code Math}, immutable {@code java.time} values,
 * collections, and a decision's {@code insert}). Module code also has no loops and no recursion, so
 * it ends by construction: rule firing is bounded by the fire limit, and a function by its length.
 *
 * <p>The classes Drools generates from its own templates to call into module code (they implement
 * {@code CompiledInvoker}) carry no text of the module's; they are held to the engine's own
 * packages and the module's classes.
 */
final class ModuleBytecode {

    private static final String INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";

    /** Owners every member of which module code may use (no side effect beyond the value returned). */
    private static final Set<String> WHOLE = Set.of(
            "java/lang/String", "java/lang/StringBuilder", "java/lang/CharSequence", "java/lang/Math",
            "java/lang/StrictMath", "java/lang/Character", "java/lang/Number", "java/lang/Integer", "java/lang/Long",
            "java/lang/Short", "java/lang/Byte", "java/lang/Double", "java/lang/Float", "java/lang/Boolean",
            "java/lang/Comparable", "java/lang/Iterable",
            "java/util/List", "java/util/Set", "java/util/Map", "java/util/Map$Entry", "java/util/Collection",
            "java/util/Iterator", "java/util/ArrayList", "java/util/LinkedList", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/TreeMap", "java/util/EnumSet", "java/util/Collections", "java/util/Objects",
            "java/util/Optional",
            "java/time/LocalDate", "java/time/LocalDateTime", "java/time/LocalTime", "java/time/Instant",
            "java/time/Duration", "java/time/Period", "java/time/DayOfWeek", "java/time/Month",
            "java/time/temporal/ChronoUnit");

    /**
     * Members refused even on an owner of {@link #WHOLE}: system properties, the clock (rules decide
     * on the petition's own times), threads, what can allocate without bound in one call, and
     * regular expressions.
     */
    private static final Set<String> REFUSED_MEMBERS = Set.of("getInteger", "getLong", "getBoolean", "now",
            "parallelStream", "parallelSort", "parallelSetAll", "parallelPrefix", "stream", "spliterator", "repeat",
            "format", "formatted", "ensureCapacity", "setLength", "nCopies", "wait", "notify", "notifyAll",
            "getClass",
            // Regular expressions: a pattern can backtrack for hours on a text, and nothing stops it.
            "matches", "replaceAll", "replaceFirst", "split");

    /** Owners of which only these members may be used. */
    private static final Map<String, Set<String>> SOME = Map.of(
            "java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString"),
            "java/lang/Enum", Set.of("name", "ordinal", "compareTo", "equals", "hashCode", "toString"),
            "java/lang/RuntimeException", Set.of("<init>"),
            "java/lang/IllegalArgumentException", Set.of("<init>"),
            "java/lang/IllegalStateException", Set.of("<init>"),
            "java/lang/Throwable", Set.of("getMessage"),
            "java/util/Arrays", Set.of("asList", "toString", "equals", "hashCode", "sort"),
            // A consequence works on the session's facts through the engine, and nothing else of it:
            // what it inserts, updates or deletes re-fires rules, which the fire limit bounds.
            "org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insert", "insertLogical", "update",
                    "delete", "retract"),
            "java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants"),
            "java/lang/invoke/LambdaMetafactory", Set.of("metafactory"));

    /** The rule contract: the facts and decisions (not {@code org.reception.rules.admin}). */
    private static final String CONTRACT = "org/reception/rules/";

    /** The enumerations of the domain a module may name (as {@link ContractImports} lets it import). */
    private static final Set<String> DOMAIN_ENUMS = Set.of("Category", "Channel", "PetitionType", "Disposition",
            "Priority", "EscalationLevel", "EscalationTrigger", "RedactedField", "DeadlineKind", "PetitionStatus");

    /** Arrays (of varargs calls) up to this length, given as a constant. */
    private static final int MAX_ARRAY = 64;

    private ModuleBytecode() {
    }

    /**
     * @param classes the module's compiled classes, by internal name ({@code pkg/Name.class} or {@code pkg/Name})
     * @param declaredTypes the internal names of the types the module declares ({@code declare})
     * @return one error per offending reference, naming the rule or function it is in
     */
    static List<String> check(Map<String, byte[]> classes, Set<String> declaredTypes) {
        Map<String, ClassNode> nodes = new HashMap<>();
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            ClassNode node = new ClassNode();
            new ClassReader(entry.getValue()).accept(node, ClassReader.SKIP_DEBUG);
            nodes.put(node.name, node);
        }
        Set<String> own = new HashSet<>(nodes.keySet());
        own.addAll(declaredTypes);
        Set<String> errors = new LinkedHashSet<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (ClassNode node : nodes.values()) {
            boolean engine = node.interfaces.contains(INVOKER);
            for (MethodNode method : node.methods) {
                // The compiler's table of a switch over an enumeration, made once per class: its code
                // is the compiler's, as the engine's invokers are the engine's.
                boolean invoker = engine || (method.access & Opcodes.ACC_SYNTHETIC) != 0
                        && method.name.startsWith("$SWITCH_TABLE$");
                String where = where(node, method);
                if (!invoker && (method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    errors.add(where + ": synchronized");
                }
                Set<String> called = calls.computeIfAbsent(node.name + "." + method.name + method.desc,
                        k -> new HashSet<>());
                checkMethod(node, method, invoker, own, where, called, errors);
            }
        }
        errors.addAll(recursion(calls, nodes));
        return new ArrayList<>(errors);
    }

    private static void checkMethod(ClassNode node, MethodNode method, boolean invoker, Set<String> own,
                                    String where, Set<String> called, Set<String> errors) {
        AbstractInsnNode previous = null;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call) {
                if (own.contains(call.owner)) {
                    called.add(call.owner + "." + call.name + call.desc);
                } else if (!(invoker ? engine(call.owner, call.name) : allowed(call.owner, call.name, call.desc))) {
                    errors.add(where + ": calls " + readable(call.owner) + "." + call.name);
                }
            } else if (insn instanceof FieldInsnNode field) {
                if (insn.getOpcode() == Opcodes.PUTSTATIC && !(invoker && own.contains(field.owner))) {
                    errors.add(where + ": writes the static field " + readable(field.owner) + "." + field.name);
                } else if (!own.contains(field.owner) && !(invoker ? engine(field.owner) : constant(field))) {
                    errors.add(where + ": uses the field " + readable(field.owner) + "." + field.name);
                }
            } else if (insn instanceof TypeInsnNode type) {
                String owner = type.desc.startsWith("[") ? elementType(type.desc) : type.desc;
                if (!invoker && insn.getOpcode() == Opcodes.ANEWARRAY && !smallConstant(previous)) {
                    errors.add(where + ": makes an array of a length that is not a small constant");
                }
                if (owner != null && !own.contains(owner) && !(invoker ? engine(owner) : allowedType(owner))) {
                    errors.add(where + ": uses the type " + readable(owner));
                }
            } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
                if (!allowed(dynamic.bsm.getOwner(), dynamic.bsm.getName())) {
                    errors.add(where + ": a dynamic call through " + readable(dynamic.bsm.getOwner()));
                }
                for (Object argument : dynamic.bsmArgs) {
                    if (argument instanceof Handle target) {
                        if (own.contains(target.getOwner())) {
                            called.add(target.getOwner() + "." + target.getName() + target.getDesc());
                        } else if (!allowed(target.getOwner(), target.getName())) {
                            errors.add(where + ": refers to " + readable(target.getOwner()) + "." + target.getName());
                        }
                    }
                }
            } else if (insn instanceof JumpInsnNode jump) {
                if (!invoker && method.instructions.indexOf(jump.label) < method.instructions.indexOf(insn)) {
                    errors.add(where + ": loops (a jump backwards); module code has no loops");
                }
            } else if (insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode) {
                // Switches jump forward only in what javac and ecj generate; backward targets are loops.
                for (var label : labels(insn)) {
                    if (!invoker && method.instructions.indexOf(label) < method.instructions.indexOf(insn)) {
                        errors.add(where + ": loops (a jump backwards); module code has no loops");
                    }
                }
            } else if (invoker) {
                // The engine's own template code: its structure is the engine's.
                continue;
            } else if (insn.getOpcode() == Opcodes.MONITORENTER) {
                errors.add(where + ": synchronizes on an object");
            } else if (insn.getOpcode() == Opcodes.NEWARRAY || insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
                if (insn.getOpcode() == Opcodes.MULTIANEWARRAY || !smallConstant(previous)) {
                    errors.add(where + ": makes an array of a length that is not a small constant");
                }
            }
            if (insn.getOpcode() >= 0) {
                previous = insn;
            }
        }
    }

    private static List<org.objectweb.asm.tree.LabelNode> labels(AbstractInsnNode insn) {
        List<org.objectweb.asm.tree.LabelNode> labels = new ArrayList<>();
        if (insn instanceof TableSwitchInsnNode table) {
            labels.add(table.dflt);
            labels.addAll(table.labels);
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            labels.add(lookup.dflt);
            labels.addAll(lookup.labels);
        }
        return labels;
    }

    /** Module code calling itself, directly or around a circle: it might never end. */
    private static List<String> recursion(Map<String, Set<String>> calls, Map<String, ClassNode> nodes) {
        List<String> errors = new ArrayList<>();
        for (String start : calls.keySet()) {
            Deque<String> toVisit = new ArrayDeque<>(calls.get(start));
            Set<String> seen = new HashSet<>();
            while (!toVisit.isEmpty()) {
                String next = toVisit.pop();
                if (next.equals(start)) {
                    String owner = start.substring(0, start.indexOf('.'));
                    String name = start.substring(start.indexOf('.') + 1, start.indexOf('('));
                    ClassNode node = nodes.get(owner);
                    errors.add((node == null ? readable(owner) : describe(node, name)) + ": calls itself (recursion);"
                            + " module code has no recursion");
                    break;
                }
                if (seen.add(next)) {
                    toVisit.addAll(calls.getOrDefault(next, Set.of()));
                }
            }
        }
        return errors;
    }

    /** What the engine's own generated invokers (and the compiler's switch tables) may touch. */
    private static final Set<String> ENGINE_LANG = Set.of("java/lang/Object", "java/lang/String",
            "java/lang/StringBuilder", "java/lang/Boolean", "java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte", "java/lang/Character", "java/lang/Double", "java/lang/Float", "java/lang/Number",
            "java/lang/Enum", "java/lang/NoSuchFieldError", "java/lang/Throwable", "java/lang/RuntimeException");

    /** The engine, its own plain values, and the contract; of {@code Class} only its name (their equals). */
    private static boolean engine(String owner, String member) {
        if (owner.equals("java/lang/Class")) {
            return member.equals("getName") || member.equals("equals") || member.equals("hashCode");
        }
        return owner.startsWith("org/drools/") || owner.startsWith("org/kie/") || ENGINE_LANG.contains(owner)
                || contract(owner);
    }

    private static boolean engine(String owner) {
        return engine(owner, "");
    }

    static boolean allowed(String owner, String member) {
        return allowed(owner, member, "");
    }

    /** @param descriptor the member's descriptor, where known */
    static boolean allowed(String owner, String member, String descriptor) {
        if (REFUSED_MEMBERS.contains(member)) {
            return false;
        }
        if (member.equals("<init>") && descriptor.startsWith("(I")) {
            // new StringBuilder(capacity), new ArrayList(capacity): as much heap as asked for, at once.
            return false;
        }
        if (WHOLE.contains(owner) || contract(owner)) {
            return true;
        }
        return SOME.getOrDefault(owner, Set.of()).contains(member);
    }

    private static boolean allowedType(String owner) {
        return WHOLE.contains(owner) || contract(owner) || SOME.containsKey(owner);
    }

    private static boolean contract(String owner) {
        if (owner.startsWith("org/drools/util/bitmask/")) {
            return true; // the masks of the properties an update touched, which the engine generates
        }
        if (owner.startsWith(CONTRACT) && owner.indexOf('/', CONTRACT.length()) < 0) {
            return true;
        }
        String cases = "org/reception/cases/";
        return owner.startsWith(cases) && DOMAIN_ENUMS.contains(owner.substring(cases.length()));
    }

    /** Reading a constant: an enumeration's value, {@code Boolean.TRUE}, a number's bounds. */
    private static boolean constant(FieldInsnNode field) {
        return field.getOpcode() == Opcodes.GETSTATIC && (contract(field.owner) || WHOLE.contains(field.owner));
    }

    private static boolean smallConstant(AbstractInsnNode push) {
        if (push == null) {
            return false;
        }
        int opcode = push.getOpcode();
        if (opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5) {
            return true;
        }
        return (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH)
                && ((org.objectweb.asm.tree.IntInsnNode) push).operand <= MAX_ARRAY;
    }

    private static String elementType(String descriptor) {
        String element = descriptor.replaceFirst("^\\[+", "");
        return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
    }

    /** The rule or function a method of generated code stands for, as the author wrote it. */
    private static String where(ClassNode node, MethodNode method) {
        return describe(node, method.name);
    }

    private static String describe(ClassNode node, String method) {
        String simple = node.name.substring(node.name.lastIndexOf('/') + 1);
        if (simple.startsWith("Rule_")) {
            String rule = simple.substring("Rule_".length()).replaceFirst("\\d+(DefaultConsequenceInvoker|"
                    + "Eval\\d+Invoker|Predicate\\d+Invoker|ReturnValue\\d+Invoker|Accumulate\\d+Invoker)?$", "");
            return "rule " + rule.replace('_', ' ') + " (" + (method.startsWith("eval") ? "eval" : method.startsWith(
                    "defaultConsequence") ? "consequence" : method) + ")";
        }
        return "function " + method + " (" + simple + ")";
    }

    private static String readable(String internalName) {
        return internalName.replace('/', '.');
    }
}
