using Licentia.Core.Identifiers;
using Licentia.Core.Tests.Fakes;

namespace Licentia.Core.Tests.Identifiers;

public class RandomTextTests
{
    [Fact]
    public void Draws_each_character_from_the_alphabet_by_index()
    {
        var random = new ScriptedRandomSource(0, 1, 2, 15);

        Assert.Equal("012f", RandomText.Create(random, RandomText.LowerHex, 4));
    }

    [Fact]
    public void Crypto_source_stays_within_the_alphabet()
    {
        var text = RandomText.Create(CryptoRandomSource.Instance, RandomText.SecretAlphabet, 1000);

        Assert.Equal(1000, text.Length);
        Assert.All(text, c => Assert.Contains(c, RandomText.SecretAlphabet));
        Assert.True(text.Distinct().Count() > 40, "1000 draws should use most of a 64-character alphabet.");
    }
}
