"""The panel (dock ``TerritorialLinksDock``): view, controller and their parts."""
