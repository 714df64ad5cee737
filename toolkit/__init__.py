"""newsquote toolkit: who is quoted in the news, what they said, and how each side is framed.

Data flows one way, each step a pure function over plain records or DataFrames:

    files -> corpus.load_articles -> cleaning.clean -> segment.sentences
          -> quotes.extract_quotes -> actors.resolve -> framing.features
          -> compare / plots;   evaluate scores against brat gold;   cli runs it all.
"""

__version__ = "0.1.0"
