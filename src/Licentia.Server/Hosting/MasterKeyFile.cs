using System.Security.Cryptography;

namespace Licentia.Server.Hosting;

/// <summary>The 32-byte key that encrypts secrets at rest: from the options, or DataDir/master.key.</summary>
internal static class MasterKeyFile
{
    public const string FileName = "master.key";

    public static byte[] Load(LicentiaOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.MasterKey))
        {
            return Decode(options.MasterKey, "the MasterKey setting");
        }

        var path = Path.Combine(options.DataDir, FileName);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim(), path);
        }

        PrivateFile.EnsureDirectory(options.DataDir);
        var key = RandomNumberGenerator.GetBytes(32);
        PrivateFile.WriteAllText(path, Convert.ToBase64String(key) + "\n");
        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The master key in {source} is not base64.");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"The master key in {source} must be 32 bytes (base64 of 32 random bytes), not {key.Length}.");
    }
}
