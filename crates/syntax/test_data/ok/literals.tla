---- MODULE Literals ----
(* A block comment (* with a nested one *) still inside *)
Bin == \b1010
Oct == \o17
Hex == \h1F + \HFF
Big == 123456789012345678901234567890
Leading == 007
Dec == 1.5
Str == "plain"
Esc == "quote \" backslash \\ newline \n tab \t"
Bools == TRUE /\ FALSE
Range == 1..10 \* a line comment
Sets == {"a", "b"}
====
