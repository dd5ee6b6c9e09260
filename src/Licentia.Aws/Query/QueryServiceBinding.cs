using Licentia.Aws.Dispatch;
using Licentia.Aws.Model;

namespace Licentia.Aws.Query;

/// <summary>
/// One query-protocol service (protocol "query", like STS, or "ec2") bound to its handler class. Handler methods
/// are found by name, once, at start-up, exactly as for JSON services:
/// <c>public Task&lt;XResult&gt; X(XRequest request, CancellationToken ct)</c>.
/// </summary>
public sealed class QueryServiceBinding : ServiceBinding
{
    private QueryServiceBinding(ServiceModel model, Type handlerType, Func<AwsHttpRequest, object> handlerFactory, Dictionary<string, OperationInvoker> invokers)
        : base(model, handlerType, handlerFactory, invokers)
    {
        IsEc2 = model.Metadata.Protocol == "ec2";
        var ns = model.Metadata.XmlNamespace ?? $"https://{model.Metadata.EndpointPrefix}.amazonaws.com/doc/{model.Metadata.ApiVersion}/";
        XmlNamespace = ns.EndsWith('/') ? ns : ns + "/";
    }

    /// <summary>The SigV4 service name that routes requests here (the credential scope's service), e.g. "ec2", "sts".</summary>
    public string SigningName => Model.Metadata.SigningName;

    /// <summary>Whether the service speaks EC2's variant of the protocol (its parameter names, XML and errors).</summary>
    public bool IsEc2 { get; }

    /// <summary>The namespace of response XML, e.g. "http://ec2.amazonaws.com/doc/2016-11-15/".</summary>
    public string XmlNamespace { get; }

    /// <summary>Binds a handler class to a query-protocol service.</summary>
    /// <param name="model">The service model, e.g. <c>ServiceModel.LoadEmbedded(Ec2Operations.ModelName)</c>.</param>
    /// <param name="operations">The generated table, e.g. <c>Ec2Operations.All</c>.</param>
    /// <param name="handlerFactory">Makes the handler for one request (the server resolves it from the request's services).</param>
    /// <exception cref="InvalidOperationException">
    /// The model is not a query or EC2 protocol service, the table does not match it, or a handler method named after
    /// an operation has the wrong signature: start-up fails rather than the first request.
    /// </exception>
    public static QueryServiceBinding Create<THandler>(
        ServiceModel model,
        IReadOnlyList<OperationDescriptor> operations,
        Func<AwsHttpRequest, THandler> handlerFactory)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(handlerFactory);
        if (model.Metadata.Protocol is not ("query" or "ec2"))
        {
            throw new InvalidOperationException($"Model '{model.Name}' is not a query or EC2 protocol service.");
        }

        var invokers = HandlerBinder.Bind(typeof(THandler), model, operations);
        return new QueryServiceBinding(model, typeof(THandler), request => handlerFactory(request), invokers);
    }
}
