"""Facts about the outside protocols (ClassIn, Gensee): no I/O, no Qt, no HTTP."""
