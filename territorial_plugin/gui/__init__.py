"""Widgets: the dock, dialogs and map tools. Calls core services; holds no domain logic."""
