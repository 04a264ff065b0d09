using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Migrate.Core.Tests.Architecture;

/// <summary>
/// Which namespace of an assembly uses which, read from its IL with Mono.Cecil: signatures, base types,
/// attributes and every type, method and field a method body touches (so a local variable counts too).
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    /// <summary>For each edge, the using type and the used type that make it (the first found), for messages.</summary>
    public Dictionary<(string From, string To), string> Why { get; } = [];

    /// <summary>Every namespace outside the assembly that it references (packages, other projects).</summary>
    public HashSet<string> External { get; } = new(StringComparer.Ordinal);

    public static NamespaceGraph Of(string assemblyPath, string rootNamespace)
    {
        var graph = new NamespaceGraph();
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!from.StartsWith(rootNamespace, StringComparison.Ordinal)) continue;
            graph._edges.TryAdd(from, new HashSet<string>(StringComparer.Ordinal));
            void Use(TypeReference? reference)
            {
                while (reference is TypeSpecification spec)
                {
                    if (spec is GenericInstanceType generic) foreach (var argument in generic.GenericArguments) Use(argument);
                    reference = spec.ElementType;
                }
                if (reference is null or GenericParameter) return;
                var to = NamespaceOf(reference);
                if (to.Length == 0 || to == from) return;
                if (to.StartsWith(rootNamespace, StringComparison.Ordinal) && graph._edges[from].Add(to))
                    graph.Why[(from, to)] = $"{type.Name} uses {reference.Name}";
                else graph.External.Add(to);
            }
            Use(type.BaseType);
            foreach (var i in type.Interfaces) Use(i.InterfaceType);
            foreach (var attribute in type.CustomAttributes) Use(attribute.AttributeType);
            foreach (var field in type.Fields) Use(field.FieldType);
            foreach (var property in type.Properties) Use(property.PropertyType);
            foreach (var method in type.Methods)
            {
                Use(method.ReturnType);
                foreach (var parameter in method.Parameters) Use(parameter.ParameterType);
                if (!method.HasBody) continue;
                foreach (var variable in method.Body.Variables) Use(variable.VariableType);
                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t: Use(t); break;
                        case MethodReference m: Use(m.DeclaringType); Use(m.ReturnType); break;
                        case FieldReference f: Use(f.DeclaringType); Use(f.FieldType); break;
                    }
                }
            }
        }
        return graph;
    }

    /// <summary>Groups of namespaces that depend on each other in a circle (strongly connected components of two or more).</summary>
    public List<List<string>> Cycles()
    {
        // Tarjan's algorithm; the graph has a few dozen nodes.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        var next = 0;
        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in _edges.GetValueOrDefault(node) ?? [])
            {
                if (index.TryGetValue(to, out var seen))
                {
                    if (onStack.Contains(to)) low[node] = Math.Min(low[node], seen);
                }
                else
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1) result.Add([.. component.Order(StringComparer.Ordinal)]);
        }
        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(node)) Visit(node);
        return result;
    }

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Namespace;
    }
}
