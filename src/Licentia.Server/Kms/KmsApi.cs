using Licentia.Core.Keys;
using Licentia.Server.Wire;
using Dto = Licentia.Aws.Kms;

namespace Licentia.Server.Kms;

/// <summary>
/// The KMS operations Licentia serves (signing keys), one method per operation named after it. Each
/// maps the generated request to a <see cref="SigningKeyManager"/> call and the result back; rules
/// live in Licentia.Core.Keys.
/// </summary>
public sealed class KmsApi(SigningKeyManager keys, CallerContext caller)
{
    public async Task<Dto.CreateKeyResponse> CreateKey(Dto.CreateKeyRequest request, CancellationToken ct)
    {
        var created = await keys.CreateKeyAsync(caller.Scope, new CreateSigningKeyCommand
        {
            KeyUsage = request.KeyUsage,
            KeySpec = request.KeySpec,
            CustomerMasterKeySpec = request.CustomerMasterKeySpec,
            Description = request.Description,
            Origin = request.Origin,
            MultiRegion = request.MultiRegion,
            CustomKeyStoreId = request.CustomKeyStoreId,
            XksKeyId = request.XksKeyId,
            Tags = request.Tags?.Select(t => new Core.Tagging.Tag(t.TagKey ?? "", t.TagValue ?? "")).ToList(),
        }, ct);
        return new Dto.CreateKeyResponse { KeyMetadata = KmsMapping.ToMetadata(created) };
    }

    public async Task<Dto.DescribeKeyResponse> DescribeKey(Dto.DescribeKeyRequest request, CancellationToken ct)
    {
        var key = await keys.DescribeKeyAsync(caller.Scope, request.KeyId!, ct);
        return new Dto.DescribeKeyResponse { KeyMetadata = KmsMapping.ToMetadata(key) };
    }

    public async Task<Dto.GetPublicKeyResponse> GetPublicKey(Dto.GetPublicKeyRequest request, CancellationToken ct)
    {
        var key = await keys.GetPublicKeyAsync(caller.Scope, request.KeyId!, ct);
        return new Dto.GetPublicKeyResponse
        {
            KeyId = key.Arn,
            PublicKey = key.PublicKey.ToArray(),
            CustomerMasterKeySpec = KeyWireNames.ToWire(key.Spec),
            KeySpec = KeyWireNames.ToWire(key.Spec),
            KeyUsage = KeyWireNames.SignVerify,
            SigningAlgorithms = KmsMapping.ToWire(key.SigningAlgorithms),
        };
    }

    public async Task<Dto.SignResponse> Sign(Dto.SignRequest request, CancellationToken ct)
    {
        var signed = await keys.SignAsync(caller.Scope, new SignCommand
        {
            KeyId = request.KeyId!,
            Message = request.Message!,
            SigningAlgorithm = request.SigningAlgorithm!,
            MessageType = KeyWireNames.ParseMessageType(request.MessageType),
            DryRun = request.DryRun ?? false,
        }, ct);
        return new Dto.SignResponse
        {
            KeyId = signed.KeyArn,
            Signature = signed.Signature,
            SigningAlgorithm = KeyWireNames.ToWire(signed.Algorithm),
        };
    }

    public async Task<Dto.VerifyResponse> Verify(Dto.VerifyRequest request, CancellationToken ct)
    {
        var verified = await keys.VerifyAsync(caller.Scope, new VerifyCommand
        {
            KeyId = request.KeyId!,
            Message = request.Message!,
            Signature = request.Signature!,
            SigningAlgorithm = request.SigningAlgorithm!,
            MessageType = KeyWireNames.ParseMessageType(request.MessageType),
            DryRun = request.DryRun ?? false,
        }, ct);
        return new Dto.VerifyResponse
        {
            KeyId = verified.KeyArn,
            SignatureValid = true,
            SigningAlgorithm = KeyWireNames.ToWire(verified.Algorithm),
        };
    }
}
