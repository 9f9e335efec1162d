"""The Textual browser and the ``cables`` command line.

Textual is imported only by the modules that open the app, so ``cables import`` and
``cables parse`` start fast.
"""
