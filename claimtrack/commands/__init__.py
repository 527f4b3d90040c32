"""The commands of the command line, one module per family; claimtrack.cli registers them."""
