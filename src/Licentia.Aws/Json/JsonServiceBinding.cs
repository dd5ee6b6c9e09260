using System.Reflection;
using Licentia.Aws.Model;

namespace Licentia.Aws.Json;

/// <summary>
/// One AWS JSON service bound to its handler class: the model, the generated operation table, and a compiled
/// invoker for every operation the handler implements. Handler methods are found by name, once, at start-up:
/// <c>public Task&lt;XResponse&gt; X(XRequest request, CancellationToken ct)</c>.
/// </summary>
public sealed class JsonServiceBinding
{
    private readonly Dictionary<string, OperationInvoker> _invokers;

    private JsonServiceBinding(
        ServiceModel model,
        Type handlerType,
        Func<AwsHttpRequest, object> handlerFactory,
        Dictionary<string, OperationInvoker> invokers)
    {
        Model = model;
        TargetPrefix = model.Metadata.TargetPrefix!;
        HandlerType = handlerType;
        HandlerFactory = handlerFactory;
        _invokers = invokers;
        ImplementedOperations = [.. invokers.Keys.Order(StringComparer.Ordinal)];
        UnimplementedOperations = [.. model.Operations.Keys.Where(op => !invokers.ContainsKey(op)).Order(StringComparer.Ordinal)];
    }

    public ServiceModel Model { get; }

    /// <summary>The X-Amz-Target prefix, e.g. "AWSLicenseManager".</summary>
    public string TargetPrefix { get; }

    public Type HandlerType { get; }

    /// <summary>Operations that have a handler method, sorted (what docs/COVERAGE.md lists as supported).</summary>
    public IReadOnlyList<string> ImplementedOperations { get; }

    /// <summary>Operations of the model without a handler method, sorted; they answer HTTP 501.</summary>
    public IReadOnlyList<string> UnimplementedOperations { get; }

    internal Func<AwsHttpRequest, object> HandlerFactory { get; }

    internal OperationInvoker? FindInvoker(string operation) => _invokers.GetValueOrDefault(operation);

    /// <summary>Binds a handler class to a service.</summary>
    /// <param name="model">The service model, e.g. <c>ServiceModel.LoadEmbedded(LicenseManagerOperations.ModelName)</c>.</param>
    /// <param name="operations">The generated table, e.g. <c>LicenseManagerOperations.All</c>.</param>
    /// <param name="handlerFactory">Makes the handler for one request (the server resolves it from the request's services).</param>
    /// <exception cref="InvalidOperationException">
    /// The model is not a JSON service, the table does not match the model, or a handler method named after an
    /// operation has the wrong signature: start-up fails rather than the first request.
    /// </exception>
    public static JsonServiceBinding Create<THandler>(
        ServiceModel model,
        IReadOnlyList<OperationDescriptor> operations,
        Func<AwsHttpRequest, THandler> handlerFactory)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(handlerFactory);
        if (model.Metadata.Protocol != "json" || string.IsNullOrEmpty(model.Metadata.TargetPrefix))
        {
            throw new InvalidOperationException($"Model '{model.Name}' is not an AWS JSON protocol service.");
        }

        var table = CheckTable(model, operations);
        var methods = typeof(THandler)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType != typeof(object) && table.ContainsKey(m.Name))
            .GroupBy(m => m.Name, StringComparer.Ordinal);

        var invokers = new Dictionary<string, OperationInvoker>(StringComparer.Ordinal);
        foreach (var group in methods)
        {
            var operation = table[group.Key];
            if (group.Count() > 1)
            {
                throw new InvalidOperationException($"{typeof(THandler).Name} has several methods named {group.Key}; an operation needs exactly one.");
            }

            var method = group.Single();
            CheckSignature(typeof(THandler), operation, method);
            invokers[operation.Name] = OperationInvoker.Create(typeof(THandler), operation, method);
        }

        return new JsonServiceBinding(model, typeof(THandler), request => handlerFactory(request), invokers);
    }

    // The generated table and the embedded model come from the same spec; if they disagree the build is stale.
    private static Dictionary<string, OperationDescriptor> CheckTable(ServiceModel model, IReadOnlyList<OperationDescriptor> operations)
    {
        var table = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        foreach (var (name, operation) in model.Operations)
        {
            if (!table.TryGetValue(name, out var descriptor))
            {
                throw new InvalidOperationException($"The operation table has no {name}, which model '{model.Name}' declares: regenerate the code.");
            }

            if (descriptor.InputType.Name != (operation.Input?.Name ?? nameof(EmptyStructure))
                || descriptor.OutputType.Name != (operation.Output?.Name ?? nameof(EmptyStructure)))
            {
                throw new InvalidOperationException($"The operation table's types for {name} do not match model '{model.Name}': regenerate the code.");
            }
        }

        if (table.Keys.FirstOrDefault(name => !model.Operations.ContainsKey(name)) is { } extra)
        {
            throw new InvalidOperationException($"The operation table has {extra}, which model '{model.Name}' does not declare.");
        }

        return table;
    }

    private static void CheckSignature(Type handlerType, OperationDescriptor operation, MethodInfo method)
    {
        var parameters = method.GetParameters();
        var expectedReturn = typeof(Task<>).MakeGenericType(operation.OutputType);
        if (method.IsGenericMethodDefinition
            || parameters.Length != 2
            || parameters[0].ParameterType != operation.InputType
            || parameters[1].ParameterType != typeof(CancellationToken)
            || method.ReturnType != expectedReturn)
        {
            throw new InvalidOperationException(
                $"{handlerType.Name}.{method.Name} must be declared as " +
                $"public Task<{operation.OutputType.Name}> {operation.Name}({operation.InputType.Name} request, CancellationToken cancellationToken).");
        }
    }
}
