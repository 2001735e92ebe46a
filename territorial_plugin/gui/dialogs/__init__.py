"""The plugin's dialogs: catalogue manager, export, layer registration."""
