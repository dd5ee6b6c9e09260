using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Licentia.Storage.Postgres;

/// <summary>
/// Advisory locks are keyed by one bigint. A lock name is hashed to 64 bits (SHA-256, stable across
/// processes and versions, unlike string.GetHashCode) so every node computes the same key.
/// The "licentia" prefix keeps our keys apart from other applications sharing the database.
/// </summary>
internal static class AdvisoryLockKey
{
    public static readonly long Migrations = For("schema-migrations");

    public static long For(string lockName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("licentia\0" + lockName));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
