using System.Reflection;
using System.Text.Json;
using Licentia.Aws.Json;

namespace Licentia.Aws.Dispatch;

/// <summary>
/// Calls one handler method (shared by the JSON and query engines: both hand it the request as JSON and take
/// the response back as JSON). Built once at start-up around a compiled delegate, so a request costs a
/// delegate call, not reflection. Deserialization is a separate step so that its failures, and only
/// those, become SerializationException.
/// </summary>
internal abstract class OperationInvoker
{
    public abstract object Deserialize(JsonElement body);

    public abstract Task<byte[]> InvokeAsync(object handler, object request, CancellationToken cancellationToken);

    public static OperationInvoker Create(Type handlerType, OperationDescriptor operation, MethodInfo method)
    {
        var type = typeof(OperationInvoker<,,>).MakeGenericType(handlerType, operation.InputType, operation.OutputType);
        return (OperationInvoker)Activator.CreateInstance(type, method)!;
    }
}

internal sealed class OperationInvoker<THandler, TInput, TOutput> : OperationInvoker
    where THandler : class
    where TInput : class, new()
    where TOutput : class
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly Func<THandler, TInput, CancellationToken, Task<TOutput>> _call;

    public OperationInvoker(MethodInfo method)
    {
        // An open-instance delegate: the handler instance is its first argument, supplied per request.
        _call = method.CreateDelegate<Func<THandler, TInput, CancellationToken, Task<TOutput>>>();
    }

    public override object Deserialize(JsonElement body) =>
        body.Deserialize<TInput>(AwsJson.SerializerOptions) ?? new TInput();

    public override async Task<byte[]> InvokeAsync(object handler, object request, CancellationToken cancellationToken)
    {
        var response = await _call((THandler)handler, (TInput)request, cancellationToken);
        return response is null ? EmptyObject : JsonSerializer.SerializeToUtf8Bytes(response, AwsJson.SerializerOptions);
    }
}
