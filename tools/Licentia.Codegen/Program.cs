Console.WriteLine("codegen");
