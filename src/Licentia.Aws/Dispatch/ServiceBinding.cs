using Licentia.Aws.Model;

namespace Licentia.Aws.Dispatch;

/// <summary>
/// A service model bound to its handler class, whatever the wire protocol: a compiled invoker for every
/// operation the handler implements, found by name once at start-up.
/// </summary>
public abstract class ServiceBinding
{
    private readonly Dictionary<string, OperationInvoker> _invokers;

    private protected ServiceBinding(ServiceModel model, Type handlerType, Func<AwsHttpRequest, object> handlerFactory, Dictionary<string, OperationInvoker> invokers)
    {
        Model = model;
        HandlerType = handlerType;
        HandlerFactory = handlerFactory;
        _invokers = invokers;
        ImplementedOperations = [.. invokers.Keys.Order(StringComparer.Ordinal)];
        UnimplementedOperations = HandlerBinder.Unimplemented(model, invokers);
    }

    public ServiceModel Model { get; }

    public Type HandlerType { get; }

    /// <summary>Operations that have a handler method, sorted (what docs/COVERAGE.md lists as supported).</summary>
    public IReadOnlyList<string> ImplementedOperations { get; }

    /// <summary>Operations of the model without a handler method, sorted; they answer HTTP 501.</summary>
    public IReadOnlyList<string> UnimplementedOperations { get; }

    internal Func<AwsHttpRequest, object> HandlerFactory { get; }

    internal OperationInvoker? FindInvoker(string operation) => _invokers.GetValueOrDefault(operation);
}
