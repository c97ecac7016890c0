// placeholder until the module lands; delete me
