using Licentia.Aws.Dispatch;
using Licentia.Aws.Model;

namespace Licentia.Aws.Json;

/// <summary>
/// One AWS JSON service bound to its handler class: the model, the generated operation table, and a compiled
/// invoker for every operation the handler implements. Handler methods are found by name, once, at start-up:
/// <c>public Task&lt;XResponse&gt; X(XRequest request, CancellationToken ct)</c>.
/// </summary>
public sealed class JsonServiceBinding : ServiceBinding
{
    private JsonServiceBinding(ServiceModel model, Type handlerType, Func<AwsHttpRequest, object> handlerFactory, Dictionary<string, OperationInvoker> invokers)
        : base(model, handlerType, handlerFactory, invokers) =>
        TargetPrefix = model.Metadata.TargetPrefix!;

    /// <summary>The X-Amz-Target prefix, e.g. "AWSLicenseManager".</summary>
    public string TargetPrefix { get; }

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

        var invokers = HandlerBinder.Bind(typeof(THandler), model, operations);
        return new JsonServiceBinding(model, typeof(THandler), request => handlerFactory(request), invokers);
    }
}
